import type { ApiError } from "./errors.js";
import { isRetryableStatus, parseRetryAfter, type ResolvedRetryOptions, runAttempts } from "./retry.js";

// The policy around one idempotent operation (a DELETE), shared by the clients: success on any 2xx,
// "already gone" on request, one repair attempt (clock skew, stale token), retries on 429/5xx and
// network errors, typed errors otherwise.

export interface IdempotentCall {
  retry: ResolvedRetryOptions;
  signal?: AbortSignal | undefined;
  /** One attempt: the openapi-fetch call with the attempt's signal. */
  send(signal: AbortSignal): Promise<{ response: Response; error?: unknown }>;
  /** Turns a non-2xx answer into the client's error type. */
  toError(response: Response, body: unknown, attempts: number): ApiError;
  /** With `missingOk`: whether the error means the resource is already gone. */
  isAlreadyGone?: ((error: ApiError) => boolean) | undefined;
  /** Whether the client fixed something (clock offset, token) that makes one more attempt worthwhile. */
  repair?: ((response: Response, error: ApiError) => boolean) | undefined;
}

export function runIdempotentCall(call: IdempotentCall): Promise<void> {
  return runAttempts<void>(call.retry, call.signal, async ({ number, signal }) => {
    const { response, error: body } = await call.send(signal);
    if (response.ok) return { done: true, value: undefined };
    const error = call.toError(response, body, number);
    if (call.isAlreadyGone?.(error)) return { done: true, value: undefined };
    return {
      done: false,
      error,
      retryable: isRetryableStatus(response.status),
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
      repair: call.repair?.(response, error) ?? false,
    };
  });
}

/** The raw text of an error body as openapi-fetch returned it (parsed JSON, text, or nothing). */
export function rawBody(body: unknown): string {
  if (body === undefined || body === null) return "";
  return typeof body === "string" ? body : JSON.stringify(body);
}

/** The first of the given response headers that is present. */
export function firstHeader(response: Response, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = response.headers.get(name);
    if (value) return value;
  }
  return undefined;
}
