import type { ApiError } from "./errors.js";

/** How one operation's request is run. */
export interface CallPolicy {
  /** The caller's signal: aborts the call, retries and backoff included. */
  signal?: AbortSignal | undefined;
  /**
   * Whether the request may be repeated after a timeout, a network error, 429 or 5xx. Default: by method
   * (GET, HEAD, PUT, DELETE and OPTIONS are idempotent).
   */
  idempotent?: boolean | undefined;
  /** `none`: a 2xx body is never read (cancelled). `json`: read up to 4 MiB and parsed into `data`. */
  result: "none" | "json";
  /** An error that means the desired state holds already (a missing resource with `missingOk`). */
  alreadyGone?: ((error: ApiError) => boolean) | undefined;
  /** The operation's name, for errors (`listActions`). */
  operation?: string | undefined;
  /**
   * Checks a parsed 2xx answer (and its headers) for the fields the operation reads, as the API's schema
   * has them; returns what is wrong, which becomes a ResponseBodyError naming the operation (never retried).
   */
  check?: ((body: unknown, headers: Headers) => string | undefined) | undefined;
  /**
   * Whether this error is worth another attempt, for an operation whose vendor codes say more than the
   * status (a transient state, a permanent failure behind a 500). `undefined` keeps the one list (429, 500,
   * 502, 503, 504).
   */
  retryable?: ((error: ApiError) => boolean | undefined) | undefined;
}

/** What one call came to. */
export interface CallResult<Data = unknown> {
  /** The parsed 2xx JSON (`result: "json"`), else `undefined`. */
  data: Data;
  /** Whether the policy's `alreadyGone` accepted an error (the desired state held already). */
  alreadyGone: boolean;
  /** Attempts made, repair attempts included. */
  attempts: number;
  /** The vendor's request id of the last answer, when it had one, redacted like everything a server sends. */
  requestId: string | undefined;
  /** The headers of the 2xx answer (empty when `alreadyGone`). */
  headers: Headers;
}

/** What a delete resolves to: what happened, not just that it ended. */
export interface DeleteResult {
  /** True when the resource was already gone (an error the cloud uses for that, accepted by `missingOk`). */
  alreadyGone: boolean;
  /** Attempts made, repair attempts included. */
  attempts: number;
  /** The vendor's request id of the last answer, when it had one (quote it to support). Redacted. */
  requestId: string | undefined;
}
