// @fnapi/fgs-client/prune: delete the functions (or old versions) whose names match, after a plan. Its own
// entry: a program that only calls operations never bundles it. It drives a client made by createFgsClient,
// on that client's send path and retry strategy.

export type {
  ApplyPlanOptions,
  ErrorData,
  PruneGate,
  PruneReport,
  Skipped,
} from "@fnapi/runtime/internal";
export { type ApplyOptions, applyFgsPrune } from "./apply.js";
export type { FgsPruneClient, PrunableAlias, PrunableFunction, PrunableVersion } from "./client.js";
export { type FgsPruneOptions, type FgsPrunePlan, type FgsPruneTarget, planFgsPrune } from "./plan.js";
