import { MAX_TIMER_MS } from "./abort.js";
import { ValidationError } from "./errors.js";
import { checkOptions } from "./options-object.js";

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
}

export interface ResolvedRetryOptions {
  maxAttempts: number;
  timeoutMs: number;
  baseMs: number;
  maxMs: number;
  maxRetryAfterMs: number;
}

/** Validates the retry options (naming the field and the rule) and fills in the defaults. */
export function resolveRetryOptions(options: RetryOptions = {}): ResolvedRetryOptions {
  checkOptions(options, "the client", { backoff: "object" });
  const maxAttempts = options.maxAttempts ?? 3;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100) {
    throw new ValidationError(
      "maxAttempts",
      `is ${String(maxAttempts)}`,
      "it must be an integer from 1 to 100",
    );
  }
  return {
    maxAttempts,
    timeoutMs: duration("timeoutMs", options.timeoutMs ?? 30_000, 1),
    baseMs: duration("backoff.baseMs", options.backoff?.baseMs ?? 200, 0),
    maxMs: duration("backoff.maxMs", options.backoff?.maxMs ?? 5_000, 0),
    maxRetryAfterMs: duration("maxRetryAfterMs", options.maxRetryAfterMs ?? 20_000, 0),
  };
}

function duration(field: string, value: unknown, min: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > MAX_TIMER_MS) {
    throw new ValidationError(
      field,
      `is ${String(value)}`,
      `it must be a number of milliseconds from ${min} to ${MAX_TIMER_MS} (2^31 - 1, what timers can hold)`,
    );
  }
  return value;
}
