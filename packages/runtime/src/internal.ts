// Helpers fnapi's own clients share. Published so that the clients can import them, with no semver promise:
// anything here may change in any release. Not for use outside the fnapi packages.
export { parseBaseUrl, quoteValue } from "./base-url.js";
export type { BuildTarget } from "./build-target.js";
export { type ClientHandle, CORE, coreOf, withCore } from "./client-handle.js";
// The types its declarations use, as the root entry has them (types only: nothing more is loaded).
export type * from "./index.js";
export { assertOptionsObject, checkOptions, type OptionKind } from "./options-object.js";
export {
  boundedList,
  boundedPages,
  type ListingBounds,
  type ListingBudget,
  listingBudget,
  type Page,
} from "./paging.js";
export {
  type ApplyPlanOptions,
  applyPlan,
  distinct,
  errorData,
  type PruneSteps,
  type Removal,
} from "./prune/apply.js";
export {
  checkCount,
  checkDate,
  checkFunction,
  checkGate,
  checkGlobs,
  checkMs,
  checkName,
  checkSignal,
  type NameFilter,
  nameFilter,
  type PruneGate,
  parseAge,
  pruneOptions,
} from "./prune/checks.js";
export { compileGlob, type Glob } from "./prune/glob.js";
export { ITEMS_PER_TURN, pause } from "./prune/pause.js";
export type { ErrorData, PruneReport, Skipped } from "./prune/report.js";
export { type PoolOptions, type PoolOutcome, runPool } from "./retry/pool.js";
export { parseRetryAfter } from "./retry/retry-after.js";
export { isRetryableStatus, isThrottlingStatus } from "./retry/retryable.js";
export {
  type AttemptFailure,
  createStandardRetryStrategy,
  type RetryStrategy,
  type StandardRetryOptions,
} from "./retry/strategy.js";
export { type ResolvedRetryOptions, type RetryOptions, resolveRetryOptions } from "./retry-options.js";
export { type ReadData, sendWith } from "./send-with.js";
