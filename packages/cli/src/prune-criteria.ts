// The one seam to prune's criteria: the listing commands filter with the very globs and ages prune uses, so
// that a list previews a prune. When prune moves into the clients (`@fnapi/fgs-client/prune`), only this
// import changes.
export { globToRegExp, parseAge } from "./prune/criteria.js";
