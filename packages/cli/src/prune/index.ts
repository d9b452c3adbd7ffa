export type { ApplyPlanOptions } from "./apply.js";
export { createPruneGate, type Done, type PruneGate, retryAfterMs } from "./engine.js";
export {
  type ApplyOptions,
  applyFgsPrune,
  type FgsPruneOptions,
  type FgsPrunePlan,
  type FgsPruneTarget,
  planFgsPrune,
} from "./fgs.js";
export {
  applyNcfPrune,
  type NcfApplyOptions,
  type NcfPruneOptions,
  type NcfPrunePlan,
  type NcfPruneTarget,
  planNcfPrune,
} from "./ncf.js";
export type { PruneReport, Skipped } from "./report.js";
