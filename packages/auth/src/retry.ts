import { NetworkError, TimeoutError, ValidationError } from "./errors.js";

// The attempt loop both clients run around one openapi-fetch call. openapi-fetch has no retries by design;
// running the whole call again (instead of re-sending a Request) re-runs the middleware, so every attempt is
// signed afresh with a new timestamp.

export interface RetryOptions {
  /** Attempts in all, including the first. Default 3; 1 disables retries. */
  maxAttempts?: number;
  /** Per-attempt timeout in milliseconds, covering the response headers and body. Default 30 000. */
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

export function resolveRetryOptions(options: RetryOptions = {}): ResolvedRetryOptions {
  const maxAttempts = options.maxAttempts ?? 3;
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new ValidationError("maxAttempts", `is ${String(maxAttempts)}`, "it must be an integer >= 1");
  }
  if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs)) {
    throw new ValidationError("timeoutMs", `is ${String(timeoutMs)}`, "it must be a finite number > 0");
  }
  return {
    maxAttempts,
    timeoutMs,
    baseMs: options.backoff?.baseMs ?? 200,
    maxMs: options.backoff?.maxMs ?? 5_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 20_000,
  };
}

/** What one attempt came to. */
export type AttemptOutcome<T> =
  | { done: true; value: T }
  | {
      done: false;
      error: Error;
      /** Whether another attempt may help (429, 5xx). */
      retryable: boolean;
      /** The server's `Retry-After`, in milliseconds. */
      retryAfterMs?: number | undefined;
      /** One extra attempt outside `maxAttempts` (clock-skew correction, token refresh), at most once. */
      repair?: boolean;
    };

export interface Attempt {
  /** 1-based attempt number. */
  number: number;
  /** Aborts on the caller's signal or this attempt's timeout. */
  signal: AbortSignal;
}

/** Statuses worth another attempt of an idempotent request. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export async function runAttempts<T>(
  options: ResolvedRetryOptions,
  signal: AbortSignal | undefined,
  attempt: (current: Attempt) => Promise<AttemptOutcome<T>>,
  random: () => number = Math.random,
): Promise<T> {
  let repaired = false;
  let counted = 0;
  for (let number = 1; ; number++) {
    signal?.throwIfAborted();
    // A plain timer rather than AbortSignal.timeout: it is cleared as soon as the attempt ends, so
    // thousands of calls leave no pending timers behind, and it is cheaper to create.
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new DOMException("The attempt timed out", "TimeoutError")),
      options.timeoutMs,
    );
    const attemptSignal = signal ? eitherSignal(signal, timeout.signal) : timeout.signal;
    let outcome: AttemptOutcome<T>;
    try {
      outcome = await attempt({ number, signal: attemptSignal });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (timeout.signal.aborted) {
        outcome = { done: false, error: new TimeoutError(options.timeoutMs, number), retryable: true };
      } else if (error instanceof TypeError && !(error instanceof ValidationError)) {
        // fetch rejects with a TypeError for every failure below HTTP (undici: "fetch failed").
        outcome = { done: false, error: new NetworkError(error, number), retryable: true };
      } else {
        throw error;
      }
    } finally {
      clearTimeout(timer);
    }
    if (outcome.done) return outcome.value;
    if (outcome.repair && !repaired) {
      repaired = true;
      continue;
    }
    counted++;
    if (!outcome.retryable || counted >= options.maxAttempts) throw outcome.error;
    const backoff = random() * Math.min(options.maxMs, options.baseMs * 2 ** (counted - 1));
    const delay = outcome.retryAfterMs ?? backoff;
    if (delay > options.maxRetryAfterMs) throw outcome.error;
    await sleep(delay, signal);
  }
}

/** `AbortSignal.any([a, b])`, which Node gained only in 20.3; a listener pair where it is missing. */
function eitherSignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === "function") return AbortSignal.any([a, b]);
  const controller = new AbortController();
  const forward = (source: AbortSignal) => () => controller.abort(source.reason);
  for (const source of [a, b]) {
    if (source.aborted) controller.abort(source.reason);
    else source.addEventListener("abort", forward(source), { once: true, signal: controller.signal });
  }
  return controller.signal;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
