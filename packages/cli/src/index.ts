export * from "./prune/index.js";
export { type CliIo, run, type StopSignal } from "./run.js";
