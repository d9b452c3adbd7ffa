// The error types every fnapi client throws. They hold plain data only (never a Request, a header map, a key
// or a token) and every text in them has been redacted before it got here, so no rendering of an error
// (String, stack, JSON.stringify, util.inspect) can leak a secret.

export { ValidationError } from "@fnapi/auth";

/** Where a call went: method and URL (the URL never carries credentials: the clients refuse such URLs). */
export interface CallSite {
  /** HTTP method. */
  method: string;
  /** Origin, path and query. */
  url: string;
}

/** What every error of a call that was sent carries: the call and how many attempts were made. */
export abstract class CallError extends Error {
  /** HTTP method of the call. */
  declare readonly method: string;
  /** The URL of the call (origin, path and query). */
  declare readonly url: string;
  /** How many attempts were made before giving up (repair attempts included). */
  declare readonly attempts: number;
  constructor(message: string, site: CallSite, attempts: number, options?: ErrorOptions) {
    super(message, options);
    this.method = site.method;
    this.url = site.url;
    this.attempts = attempts;
  }
  /**
   * Plain data for `JSON.stringify`: the name, the message and the error's own fields (never the body, which
   * is kept for inspection only; nothing here is a secret).
   */
  toJSON(): Record<string, unknown> {
    const { body: _body, name, message, ...fields } = this as this & { body?: string };
    return { name, message, ...fields };
  }
}

/** What an ApiError is made of (already redacted and bounded). */
export interface ApiErrorInit {
  /** HTTP status. */
  status: number;
  /** The vendor error code, when the body had one. */
  code: string | undefined;
  /** The vendor message, or the reason phrase. */
  message: string;
  /** Further detail, when the vendor gives some. */
  details?: string | undefined;
  /** The vendor request id. */
  requestId?: string | undefined;
  /** The response body, bounded and redacted. */
  body: string;
}

/** An HTTP error answered by the cloud (or the gateway or proxy in front of it). */
export class ApiError extends CallError {
  /** The error class name. */
  override name = "ApiError";
  /** HTTP status. */
  declare readonly status: number;
  /** The vendor's error code as a string ("80101", "FSS.1051", "APIGW.0301"), when the body had one. */
  declare readonly code: string | undefined;
  /** Further detail, when the vendor gives some. */
  declare readonly details: string | undefined;
  /** The vendor's request id, from the body or the response headers. */
  declare readonly requestId: string | undefined;
  /** The response body, redacted, then cut at 64 KiB; kept as text when it is not JSON. */
  declare readonly body: string;
  constructor(init: ApiErrorInit, site: CallSite, attempts: number) {
    super(init.message, site, attempts);
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId;
    this.body = init.body;
  }
}

/**
 * The server answered with a redirect. Neither API redirects, so it is never followed (no byte goes to the
 * target, credentials stay with their origin) and never retried. In a browser the status and `Location`
 * are hidden from scripts (an opaque redirect): then `status` is 0 and `location` undefined.
 */
export class RedirectError extends CallError {
  /** Always `RedirectError`. */
  override readonly name = "RedirectError";
  /** HTTP status (0 for an opaque redirect). */
  declare readonly status: number;
  /** The `Location` the server named (redacted), when it could be read. */
  declare readonly location: string | undefined;
  constructor(status: number, location: string | undefined, site: CallSite, attempts: number) {
    super(
      `${site.method} ${site.url} answered a redirect (${status || "opaque"}${location ? ` to ${location}` : ""}); redirects are never followed`,
      site,
      attempts,
    );
    this.status = status;
    this.location = location;
  }
}

/** No complete response within `timeoutMs` on the last attempt. */
export class TimeoutError extends CallError {
  /** Always `TimeoutError`. */
  override readonly name = "TimeoutError";
  /** The per-attempt bound that was exceeded. */
  declare readonly timeoutMs: number;
  constructor(timeoutMs: number, site: CallSite, attempts: number) {
    super(
      `${site.method} ${site.url}: no response within ${timeoutMs} ms (attempt ${attempts})`,
      site,
      attempts,
    );
    this.timeoutMs = timeoutMs;
  }
}

/**
 * `fetch` itself rejected, or the response's body ended early (the connection closed or was reset before the
 * body was whole): the request failed below HTTP (connection refused or reset, DNS, TLS, CORS). Retried when
 * the operation is idempotent.
 * `cause` is the runtime's error, redacted to its name, message and code.
 */
export class NetworkError extends CallError {
  /** Always `NetworkError`. */
  override readonly name = "NetworkError";
  constructor(reason: string, site: CallSite, attempts: number, cause: unknown) {
    super(
      `${site.method} ${site.url}: network error reaching ${site.url.split("/")[2]}: ${reason} (attempt ${attempts})`,
      site,
      attempts,
      {
        cause,
      },
    );
  }
}

/**
 * A 2xx whose body could not be used: larger than the bound, not JSON, or without the fields the operation
 * reads (checked against the API's schema before anything is returned). Names the operation when known.
 */
export class ResponseBodyError extends CallError {
  /** Always `ResponseBodyError`. */
  override readonly name = "ResponseBodyError";
  /** HTTP status of the 2xx answer. */
  declare readonly status: number;
  /** The operation whose answer it was (`listActions`, `createIamTokenProvider`), when known. */
  declare readonly operation: string | undefined;
  constructor(problem: string, status: number, site: CallSite, attempts: number, operation?: string) {
    super(
      `${operation ? `${operation}: ` : ""}${site.method} ${site.url}: the ${status} response body ${problem}`,
      site,
      attempts,
    );
    this.status = status;
    this.operation = operation;
  }
}

/**
 * The server's answer broke HTTP in a way no API answers: a status outside 200–599 (600, 999). Never retried;
 * the body is never read.
 */
export class ProtocolError extends CallError {
  /** Always `ProtocolError`. */
  override readonly name = "ProtocolError";
  /** The status the server sent. */
  declare readonly status: number;
  constructor(status: number, site: CallSite, attempts: number) {
    super(`${site.method} ${site.url}: status ${status} is not HTTP`, site, attempts);
    this.status = status;
  }
}
