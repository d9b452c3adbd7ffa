// @fnapi/ncf-client/prune: delete the packages whose names match, each with its actions (the cascade), after a
// plan. Its own entry: a program that only calls operations never bundles it. It drives a client made by
// createNcfClient, on that client's send path and retry strategy.

export type {
  ApplyPlanOptions,
  ErrorData,
  PruneGate,
  PruneReport,
  Skipped,
} from "@fnapi/runtime/internal";
export {
  applyNcfPrune,
  type NcfApplyOptions,
  type NcfPruneClient,
  type NcfPruneOptions,
  type NcfPrunePlan,
  type NcfPrunePlatform,
  type NcfPruneTarget,
  planNcfPrune,
} from "./ncf-prune.js";
