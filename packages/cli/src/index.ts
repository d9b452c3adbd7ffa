export { run } from "./run.js";
export * from "./prune/index.js";
