export { type CliIo, run, type StopSignal } from "./run.js";
