// The one list of answers worth another attempt of an idempotent request: too many requests, and the
// server-side failures that are usually transient. 501 (not implemented) and 505 are permanent; 4xx other
// than 429 say the request itself is wrong.

const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** Whether an answer with this status is worth another attempt (of an idempotent request). */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/** Whether this status asks the client to slow down (then a `Retry-After` pauses every call of the client). */
export function isThrottlingStatus(status: number): boolean {
  return status === 429 || status === 503;
}
