export * from "./prune/index.js";
export { run } from "./run.js";
