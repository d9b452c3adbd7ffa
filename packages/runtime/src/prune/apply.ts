import { sleep } from "../abort.js";
import { ApiError } from "../errors.js";
import { runPool } from "../retry/pool.js";
import {
  checkCount,
  checkFunction,
  checkGate,
  checkMs,
  checkSignal,
  type PruneGate,
  pruneOptions,
} from "./checks.js";
import type { ErrorData, PruneReport, Skipped } from "./report.js";

// The apply step both clouds share: each distinct target once, a few at a time on the runtime's worker pool
// (the client's retry strategy retries each request: one back-off for the run), a check right before each
// delete, a bounded confirmation, and a report of what was done whatever fails.

/** Options of `applyFgsPrune` and `applyNcfPrune`. */
export interface ApplyPlanOptions<T> {
  /** Targets at once, 1 to 64. Default 4. */
  concurrency?: number;
  /** Stops new deletes; those in flight settle and are reported. */
  signal?: AbortSignal;
  /**
   * The run's shared back-off: the retry strategy the client was created with (`retryStrategy`). No new
   * target starts while it backs off. Default: none (the client's own requests still wait for it).
   */
  gate?: PruneGate;
  /** How long to wait for deletions to show in the listing. Default 10 000 ms; 0: list once. */
  confirmTimeoutMs?: number;
  /** Between two listings while confirming. Default 1 000 ms. */
  confirmIntervalMs?: number;
  /** Called as each target settles: deleted, gone, skipped, failed. */
  onSettled?: (target: T, status: string) => void;
}

/** What deleting one target came to. */
export type Removal = { status: "deleted" | "gone"; attempts: number } | { skip: string };

/** How a cloud prunes: the identity of a target, the delete (with its last check) and the confirmation. */
export interface PruneSteps<T> {
  /** A target's identity: each distinct key is deleted at most once. */
  key(target: T): string;
  /** Checks protection once more, then deletes; `{ skip }` keeps the target with a reason. */
  remove(target: T): Promise<Removal>;
  /** The done targets the listing still shows (throws when the listing fails). */
  stillThere(done: T[], signal: AbortSignal | undefined): Promise<T[]>;
}

type Outcome<T> =
  | { status: "deleted"; target: T; attempts: number }
  | { status: "gone"; target: T; attempts: number }
  | { status: "skipped"; target: T; reason: string }
  | { status: "failed"; target: T; error: unknown };

/** The plan's targets, each distinct key once (a plan can be hand-made, or built from a listing that repeats). */
export function distinct<T>(targets: readonly T[], key: (target: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const target of targets) if (!byKey.has(key(target))) byKey.set(key(target), target);
  return [...byKey.values()];
}

/** Runs the plan's deletes, confirms them against the listing, and reports; never throws once it started. */
export async function applyPlan<T>(
  call: string,
  plan: { targets: readonly T[]; skipped: readonly Skipped<T>[] },
  steps: PruneSteps<T>,
  given: unknown,
): Promise<PruneReport<T>> {
  const options = pruneOptions(given, call, true);
  const concurrency = checkCount("concurrency", options.concurrency, 1, 64, 4);
  const signal = checkSignal("signal", options.signal);
  const gate = checkGate("gate", options.gate);
  const confirmTimeoutMs = checkMs("confirmTimeoutMs", options.confirmTimeoutMs, 10_000);
  const confirmIntervalMs = checkMs("confirmIntervalMs", options.confirmIntervalMs, 1_000);
  const onSettled = checkFunction<(target: T, status: string) => void>("onSettled", options.onSettled);
  const started = Date.now();
  const targets = distinct(plan.targets, steps.key);
  const outcomes = new Map<T, Outcome<T>>();
  const settle = (outcome: Outcome<T>) => {
    outcomes.set(outcome.target, outcome);
    try {
      onSettled?.(outcome.target, outcome.status);
    } catch {
      // progress reporting must not change what the prune does
    }
  };
  // The runtime's one worker pool: it stops starting targets on the signal and never rejects.
  await runPool(targets, { concurrency, signal }, async (target) => {
    if (signal?.aborted) return;
    try {
      await gate?.acquireAttempt(signal);
    } catch {
      return; // aborted while backing off: not started
    }
    if (signal?.aborted) return;
    try {
      // In-flight work is never cancelled by `signal`: it settles and is reported.
      const removal = await steps.remove(target);
      if ("skip" in removal) settle({ status: "skipped", target, reason: removal.skip });
      else settle({ status: removal.status, target, attempts: removal.attempts });
    } catch (error) {
      settle({ status: "failed", target, error });
    }
  });
  const all = targets.map((t) => outcomes.get(t));
  const done = all.flatMap((o) => (o && (o.status === "deleted" || o.status === "gone") ? [o.target] : []));
  const interrupted = all.some((o) => o === undefined);
  let remaining: T[] = [];
  let unconfirmed: T[] = [];
  let confirmError: ErrorData | undefined;
  if (!interrupted && done.length > 0) {
    try {
      remaining = await confirmGone(
        () => steps.stillThere(done, signal),
        confirmTimeoutMs,
        confirmIntervalMs,
        signal,
      );
    } catch (error) {
      // The deletes happened; that they show is not known. Reported, and the run is incomplete.
      unconfirmed = done;
      confirmError = errorData(error);
    }
  }
  return report(targets, plan.skipped, all, { remaining, unconfirmed, confirmError, interrupted, started });
}

function report<T>(
  targets: T[],
  planSkipped: readonly Skipped<T>[],
  all: (Outcome<T> | undefined)[],
  end: {
    remaining: T[];
    unconfirmed: T[];
    confirmError: ErrorData | undefined;
    interrupted: boolean;
    started: number;
  },
): PruneReport<T> {
  const of = <S extends Outcome<T>["status"]>(status: S) =>
    all.filter((o): o is Extract<Outcome<T>, { status: S }> => o?.status === status);
  const deleted = of("deleted").map((o) => o.target);
  const alreadyGone = of("gone").map((o) => o.target);
  const skipped = [...planSkipped, ...of("skipped").map((o) => ({ target: o.target, reason: o.reason }))];
  const failed = of("failed").map((o) => ({ target: o.target, error: errorData(o.error) }));
  const notStarted = targets.filter((_, i) => all[i] === undefined);
  const retries = [...of("deleted"), ...of("gone")].reduce((n, o) => n + Math.max(0, o.attempts - 1), 0);
  const { remaining, unconfirmed, confirmError, interrupted } = end;
  return {
    deleted,
    alreadyGone,
    skipped,
    failed,
    notStarted,
    remaining,
    unconfirmed,
    ...(confirmError ? { confirmError } : {}),
    interrupted,
    counts: {
      planned: targets.length,
      deleted: deleted.length,
      alreadyGone: alreadyGone.length,
      skipped: skipped.length,
      failed: failed.length,
      notStarted: notStarted.length,
      remaining: remaining.length,
      unconfirmed: unconfirmed.length,
      retries,
    },
    durationMs: Date.now() - end.started,
    complete:
      !interrupted &&
      failed.length === 0 &&
      remaining.length === 0 &&
      notStarted.length === 0 &&
      unconfirmed.length === 0,
  };
}

/** An error as data for a report. */
export function errorData(error: unknown): ErrorData {
  if (error instanceof ApiError) {
    return {
      name: error.name,
      message: error.message,
      status: error.status,
      ...(error.code !== undefined ? { code: error.code } : {}),
      ...(error.requestId !== undefined ? { requestId: error.requestId } : {}),
    };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: "Error", message: String(error).slice(0, 200) };
}

/** Polls `stillThere` until it returns nothing or `timeoutMs` has passed; what still exists. */
async function confirmGone<T>(
  stillThere: () => Promise<T[]>,
  timeoutMs: number,
  intervalMs: number,
  signal: AbortSignal | undefined,
): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const remaining = await stillThere();
    if (remaining.length === 0 || Date.now() + intervalMs > deadline) return remaining;
    await sleep(intervalMs, signal);
  }
}
