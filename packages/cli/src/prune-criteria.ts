// The one seam to prune's criteria: the listing commands filter with the very globs and ages prune uses
// (@fnapi/runtime's, which the prune of both clients uses), so that a list previews a prune.
export { compileGlob, type Glob, parseAge } from "@fnapi/runtime/internal";
