import { onAbort, sleep } from "./abort.js";
import { type CallSite, TimeoutError } from "./errors.js";
import type { RetryBudget } from "./retry-budget.js";
import type { ResolvedRetryOptions } from "./retry-options.js";

// The attempt loop around one operation. openapi-fetch has no retries by design; running the whole call
// again (instead of re-sending a Request) re-runs authentication, so every attempt is signed afresh.

/** What one attempt came to. */
export type AttemptOutcome<T> =
  | { done: true; value: T }
  | {
      done: false;
      error: Error;
      /** Whether another attempt may help (429, 5xx and network errors of an idempotent operation). */
      retryable: boolean;
      /** The server's `Retry-After`, in milliseconds. */
      retryAfterMs?: number | undefined;
      /** One extra attempt outside `maxAttempts` (clock-skew correction, token refresh), at most once. */
      repair?: boolean;
      /** Tokens a retry after this takes from the retry budget. Default 1 (2 after a timeout). */
      cost?: number;
      /** When this is the last attempt, resolve to this instead of throwing `error`. */
      giveUp?: () => T;
    };

export interface Attempt {
  /** 1-based attempt number, repair attempts included. */
  number: number;
  /** Aborts on the caller's signal or this attempt's timeout. */
  signal: AbortSignal;
  /**
   * Whether a `repair` outcome of this attempt would be acted on (the call has not repaired yet). A 401 on
   * the repair attempt must not make the auth scheme forget its fresh token: nothing would use a next one.
   */
  canRepair: boolean;
}

export interface AttemptPolicy {
  retry: ResolvedRetryOptions;
  /** The caller's signal: aborts the call, retries and backoff included. */
  signal?: AbortSignal | undefined;
  /** What the errors name. */
  site: CallSite;
  /** Whether a timed-out attempt may be repeated (an idempotent operation). */
  idempotent: boolean;
  /** The client-wide retry budget, when the client has one. */
  budget?: RetryBudget | undefined;
  random?: () => number;
}

/** Statuses worth another attempt of an idempotent request. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP date (a past date is 0). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,12}$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date names a weekday and a month; anything else (`-1`, `1.5`) is not one, whatever Date.parse says.
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Runs `attempt` until it is done, with the whole policy. The time spent in attempts, the repair included, is
 * bounded by `maxAttempts × timeoutMs`: each attempt gets `timeoutMs` or what is left of that budget, if
 * less, and a retry or a repair with no budget left is not made. Backoff waits come on top (each at most
 * `backoff.maxMs`, or a `Retry-After` of at most `maxRetryAfterMs`).
 */
export async function runAttempts<T>(
  policy: AttemptPolicy,
  attempt: (current: Attempt) => Promise<AttemptOutcome<T>>,
): Promise<T> {
  const { retry, signal, site } = policy;
  const random = policy.random ?? Math.random;
  let repaired = false;
  let counted = 0;
  let timeLeft = retry.maxAttempts * retry.timeoutMs;
  for (let number = 1; ; number++) {
    signal?.throwIfAborted();
    // A plain timer and one controller per attempt, both released as soon as the attempt ends.
    const controller = new AbortController();
    const allowed = Math.min(retry.timeoutMs, timeLeft);
    const started = Date.now();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException("The attempt timed out", "TimeoutError"));
    }, allowed);
    const unsubscribe = signal ? onAbort(signal, (reason) => controller.abort(reason)) : undefined;
    let outcome: AttemptOutcome<T>;
    try {
      outcome = await attempt({ number, signal: controller.signal, canRepair: !repaired });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (!timedOut) throw error;
      outcome = {
        done: false,
        error: new TimeoutError(allowed, site, number),
        retryable: policy.idempotent,
        cost: 2,
      };
    } finally {
      clearTimeout(timer);
      unsubscribe?.();
      // A timer fires late on a loaded machine: an attempt used at most what it was allowed.
      timeLeft -= Math.min(allowed, Date.now() - started);
    }
    if (outcome.done) {
      policy.budget?.refund();
      return outcome.value;
    }
    if (outcome.repair && !repaired && timeLeft > 0) {
      repaired = true;
      continue;
    }
    counted++;
    const backoff = random() * Math.min(retry.maxMs, retry.baseMs * 2 ** (counted - 1));
    const delay = outcome.retryAfterMs ?? backoff;
    if (
      timeLeft <= 0 ||
      !outcome.retryable ||
      counted >= retry.maxAttempts ||
      delay > retry.maxRetryAfterMs ||
      (policy.budget !== undefined && !policy.budget.take(outcome.cost ?? 1))
    ) {
      if (outcome.giveUp) return outcome.giveUp();
      throw outcome.error;
    }
    if (delay > 0) await sleep(delay, signal);
  }
}
