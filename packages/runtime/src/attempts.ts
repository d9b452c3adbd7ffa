import { onAbort, sleep } from "./abort.js";
import { type CallSite, TimeoutError } from "./errors.js";
import { isThrottlingStatus } from "./retry/retryable.js";
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
      /** The answer's status, when there was one (a 429 or 503 with `Retry-After` pauses the client). */
      status?: number | undefined;
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
  // The client's one strategy, shared by all its calls.
  const { strategy } = retry;
  let repaired = false;
  let counted = 0;
  let timeLeft = retry.maxAttempts * retry.timeoutMs;
  for (let number = 1; ; number++) {
    await strategy.acquireAttempt(signal);
    // Checked after the wait too: an abort meanwhile would reach no attempt's controller.
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
      strategy.recordSuccess();
      return outcome.value;
    }
    if (outcome.repair && !repaired && timeLeft > 0) {
      repaired = true;
      continue;
    }
    counted++;
    const { status, retryAfterMs } = outcome;
    const delay =
      timeLeft <= 0
        ? undefined
        : strategy.retryDelay(
            {
              retryable: outcome.retryable,
              status,
              retryAfterMs,
              throttling: status !== undefined && retryAfterMs !== undefined && isThrottlingStatus(status),
              cost: outcome.cost,
            },
            counted,
          );
    if (delay === undefined) {
      if (outcome.giveUp) return outcome.giveUp();
      throw outcome.error;
    }
    if (delay > 0) await sleep(delay, signal);
  }
}
