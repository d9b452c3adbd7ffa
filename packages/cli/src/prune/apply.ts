import { checkCount } from "./criteria.js";
import { confirmGone, type Done, errorData, type PruneGate, type RunResult, runPlan } from "./engine.js";
import type { PruneReport, Skipped } from "./report.js";

// The apply step both clouds share: run the plan's deletes, confirm them against the listing, report.

export interface ApplyPlanOptions<T> {
  /** Deletes at once, 1 to 64. Default 4. */
  concurrency?: number;
  /** Stops new deletes; those in flight settle and are reported. */
  signal?: AbortSignal;
  /** The run's shared back-off; give `gate.observe()` as the client's `fetch` so it sees Retry-After. */
  gate?: PruneGate;
  /** How long to wait for deletions to show in the listing. Default 10 000 ms; 0: list once. */
  confirmTimeoutMs?: number;
  /** Between two listings while confirming. Default 1 000 ms. */
  confirmIntervalMs?: number;
  /** Called as each target settles: deleted, gone, failed or not-started. */
  onSettled?: (target: T, status: string) => void;
}

/** Deletes each planned target with `remove`, then lists again (`stillThere`, bounded) and reports. */
export async function applyPlan<T>(
  plan: { targets: readonly T[]; skipped: Skipped<T>[] },
  remove: (target: T) => Promise<Done>,
  stillThere: (done: T[]) => Promise<T[]>,
  options: ApplyPlanOptions<T>,
): Promise<PruneReport<T>> {
  const concurrency = checkCount("concurrency", options.concurrency, 1, 64, 4);
  const started = Date.now();
  const result = await runPlan(plan.targets, remove, {
    concurrency,
    signal: options.signal,
    ...(options.gate ? { gate: options.gate } : {}),
    onSettled: (o) => options.onSettled?.(o.item, o.status),
  });
  const done = result.outcomes
    .filter((o) => o.status === "deleted" || o.status === "gone")
    .map((o) => o.item);
  const remaining =
    result.interrupted || done.length === 0
      ? []
      : await confirmGone(() => stillThere(done), {
          timeoutMs: options.confirmTimeoutMs ?? 10_000,
          intervalMs: options.confirmIntervalMs ?? 1_000,
        });
  return report(plan.skipped, result, remaining, Date.now() - started);
}

function report<T>(
  skipped: Skipped<T>[],
  result: RunResult<T>,
  remaining: T[],
  durationMs: number,
): PruneReport<T> {
  const by = (s: string) => result.outcomes.filter((o) => o.status === s);
  const failed = by("failed").map((o) => ({ target: o.item, error: errorData(o.error) }));
  const deleted = by("deleted").map((o) => o.item);
  const alreadyGone = by("gone").map((o) => o.item);
  const notStarted = by("not-started").map((o) => o.item);
  return {
    deleted,
    alreadyGone,
    skipped,
    failed,
    notStarted,
    remaining,
    interrupted: result.interrupted,
    counts: {
      planned: result.outcomes.length,
      deleted: deleted.length,
      alreadyGone: alreadyGone.length,
      skipped: skipped.length,
      failed: failed.length,
      notStarted: notStarted.length,
      remaining: remaining.length,
      throttled: result.throttles,
      retries: result.retries,
    },
    durationMs,
    complete: !result.interrupted && failed.length === 0 && remaining.length === 0 && notStarted.length === 0,
  };
}
