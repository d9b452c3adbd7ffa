import { MAX_TIMER_MS } from "./abort.js";
import { ValidationError } from "./errors.js";
import { checkOptions } from "./options-object.js";
import { RETRY_BUDGET_CAPACITY } from "./retry/retry-budget.js";
import { createStandardRetryStrategy, type RetryStrategy } from "./retry/strategy.js";

/** Attempts, timeouts and backoff: options of every client. */
export interface RetryOptions {
  /** Attempts in all, including the first. Default 3; 1 disables retries. */
  maxAttempts?: number;
  /**
   * Per-attempt bound in milliseconds, covering authentication (a token refresh), the response headers and
   * whatever body is read. Default 30 000; at most 2^31 − 1 (what timers can hold).
   */
  timeoutMs?: number;
  /** Exponential backoff with full jitter: a delay drawn from [0, min(maxMs, baseMs * 2^(n-1))). */
  backoff?: { baseMs?: number; maxMs?: number };
  /** A `Retry-After` longer than this is not waited for: the error is thrown instead. Default 20 000. */
  maxRetryAfterMs?: number;
  /**
   * The client-wide retry budget: retries all calls of one client may make while calls keep failing (a retry
   * takes 1, or 2 after a timeout or network error; a success gives 1 back). Default 100: in a storm, N
   * concurrent calls send at most N + 100 requests. 0: no retries at all.
   */
  retryBudget?: number;
  /**
   * How the client retries, shared by every call of the client (and by whatever else you give it to: a
   * second client, a batch). Default: a standard strategy from the options above — backoff with full jitter,
   * `Retry-After`, the retry budget, and one pause for the whole client after a 429/503 with `Retry-After`.
   * `maxAttempts` and `timeoutMs` still bound each call's time in attempts.
   */
  retryStrategy?: RetryStrategy;
}

/** `RetryOptions` checked, with the defaults filled in. */
export interface ResolvedRetryOptions {
  /** Attempts in all, including the first. */
  maxAttempts: number;
  /** Per-attempt bound in milliseconds. */
  timeoutMs: number;
  /** Backoff base in milliseconds. */
  baseMs: number;
  /** Backoff cap in milliseconds. */
  maxMs: number;
  /** The longest `Retry-After` waited for. */
  maxRetryAfterMs: number;
  /** Tokens of the client-wide retry budget. */
  retryBudget: number;
  /** The client's one retry strategy: the caller's `retryStrategy`, or the standard one from these options. */
  strategy: RetryStrategy;
}

/** Validates the retry options (naming the field and the rule) and fills in the defaults. */
export function resolveRetryOptions(options: RetryOptions = {}): ResolvedRetryOptions {
  checkOptions(options, "the client", { backoff: "object", retryStrategy: "object" });
  const resolved = {
    maxAttempts: inRange("maxAttempts", options.maxAttempts ?? 3, 1, 100),
    timeoutMs: inRange("timeoutMs", options.timeoutMs ?? 30_000, 1),
    baseMs: inRange("backoff.baseMs", options.backoff?.baseMs ?? 200, 0),
    maxMs: inRange("backoff.maxMs", options.backoff?.maxMs ?? 5_000, 0),
    maxRetryAfterMs: inRange("maxRetryAfterMs", options.maxRetryAfterMs ?? 20_000, 0),
    retryBudget: inRange("retryBudget", options.retryBudget ?? RETRY_BUDGET_CAPACITY, 0, 1_000_000),
  };
  return { ...resolved, strategy: options.retryStrategy ?? createStandardRetryStrategy(resolved) };
}

/**
 * `value` when it is in [min, max]: with `max` given, an integer (a count); without, a number of milliseconds
 * a timer can hold. Otherwise a ValidationError naming the field and the range.
 */
function inRange(field: string, value: unknown, min: number, max?: number): number {
  const ok = max === undefined ? Number.isFinite(value) : Number.isInteger(value);
  if (!ok || (value as number) < min || (value as number) > (max ?? MAX_TIMER_MS)) {
    throw new ValidationError(
      field,
      `is ${String(value)}`,
      max === undefined
        ? `it must be a number of milliseconds from ${min} to ${MAX_TIMER_MS} (2^31 - 1, what timers can hold)`
        : `it must be an integer from ${min} to ${max}`,
    );
  }
  return value as number;
}
