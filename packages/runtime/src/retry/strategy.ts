import { sleep } from "../abort.js";
import { createRetryBudget, RETRY_BUDGET_CAPACITY } from "./retry-budget.js";

// A retry strategy object in the manner of Smithy's `StandardRetryStrategy`: it classifies nothing about the
// wire (the attempt loop tells it what failed and whether that is worth repeating) and owns what is shared by
// every call of one client:
// - the delay before the next attempt: exponential backoff with full jitter, or the server's `Retry-After`
//   (a longer one than `maxRetryAfterMs` ends the call: waiting that long is the caller's decision);
// - the retry quota (a token bucket: a retry costs tokens, a success gives one back), so a storm of failing
//   calls stops retrying together;
// - the throttle pause: a 429 or 503 that says `Retry-After` pauses the client's next attempts — every call's —
//   until then, once (concurrent throttles extend the same pause to the latest time, never add up).

/** What one failed attempt came to, as the strategy needs it. */
export interface AttemptFailure {
  /** Whether the failure is worth another attempt (an idempotent request, a transient failure). */
  retryable: boolean;
  /** The HTTP status, when there was an answer. */
  status?: number | undefined;
  /** The server's `Retry-After`, in milliseconds (already parsed). */
  retryAfterMs?: number | undefined;
  /** Whether the server asked to slow down (429, or 503 with `Retry-After`). */
  throttling?: boolean | undefined;
  /** Quota tokens a retry after this costs. Default 1 (the loop says 2 after a timeout or a network error). */
  cost?: number | undefined;
}

/** How a client retries; one object shared by every call of the client. */
export interface RetryStrategy {
  /** Waits out a shared pause (after a throttle with `Retry-After`) before any attempt; rejects on abort. */
  acquireAttempt(signal?: AbortSignal): Promise<void>;
  /** Milliseconds before the next attempt, or `undefined`: stop. `attemptNumber` counts attempts made. */
  retryDelay(failure: AttemptFailure, attemptNumber: number): number | undefined;
  /** A call succeeded: refills the quota. */
  recordSuccess(): void;
}

/** Options of the standard retry strategy (what `RetryOptions` of a client fill in). */
export interface StandardRetryOptions {
  /** Attempts in all, including the first. Default 3. */
  maxAttempts?: number;
  /** Backoff base in milliseconds. Default 200. */
  baseMs?: number;
  /** Backoff cap in milliseconds. Default 5 000. */
  maxMs?: number;
  /** A `Retry-After` longer than this is not waited for. Default 20 000. */
  maxRetryAfterMs?: number;
  /** Tokens of the retry quota. Default 100. */
  retryBudget?: number;
  /** A number in [0, 1) for the jitter. Injected for tests; default `Math.random`. */
  random?: () => number;
  /** The time in milliseconds. Injected for tests; default `Date.now`. */
  now?: () => number;
}

/** The standard strategy: backoff with full jitter, `Retry-After`, a retry quota and the throttle pause. */
export function createStandardRetryStrategy(options: StandardRetryOptions = {}): RetryStrategy {
  const maxAttempts = options.maxAttempts ?? 3;
  const baseMs = options.baseMs ?? 200;
  const maxMs = options.maxMs ?? 5_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 20_000;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const budget = createRetryBudget(options.retryBudget ?? RETRY_BUDGET_CAPACITY);
  let pausedUntil = 0;
  return {
    async acquireAttempt(signal) {
      signal?.throwIfAborted();
      // A pause may be extended while waiting (another call throttled meanwhile): wait again.
      for (let wait = pausedUntil - now(); wait > 0; wait = pausedUntil - now()) {
        await sleep(wait, signal);
      }
    },
    retryDelay(failure, attemptNumber) {
      if (!failure.retryable || attemptNumber >= maxAttempts) return undefined;
      const retryAfter = failure.retryAfterMs;
      if (retryAfter !== undefined && retryAfter > maxRetryAfterMs) return undefined;
      if (!budget.take(failure.cost ?? 1)) return undefined;
      if (retryAfter !== undefined) {
        if (failure.throttling) {
          // The pause is the client's: this call waits in `acquireAttempt` like every other.
          pausedUntil = Math.max(pausedUntil, now() + retryAfter);
          return 0;
        }
        return retryAfter;
      }
      return random() * Math.min(maxMs, baseMs * 2 ** (attemptNumber - 1));
    },
    recordSuccess() {
      budget.refund();
    },
  };
}
