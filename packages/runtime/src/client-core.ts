import type { AuthScheme } from "@fnapi/auth";
import type { ApiError, ApiErrorInit, CallSite } from "./errors.js";
import type { CallLogger } from "./logger.js";
import type { OutgoingRequest, PathEncoder } from "./request-url.js";
import type { ResolvedRetryOptions } from "./retry-options.js";

// What a client is: the settings every one of its requests is sent with. A plain, frozen object made once per
// client; `send` (operations) and `createOpenapiClient` (the typed client) both take it, so both paths share
// one retry strategy, one auth scheme and one set of rules.

/** The fields of an ApiError that come from the vendor's error body and headers. */
export interface VendorErrorFields {
  /** The vendor's error code. */
  code?: string | undefined;
  /** The vendor's message. */
  message?: string | undefined;
  /** Further detail, when the vendor gives some. */
  details?: string | undefined;
  /** The vendor's request id. */
  requestId?: string | undefined;
}

/** How a cloud's answers are read: its error class, its error body, its request-id header. */
export interface ErrorMapping {
  /** The client's ApiError subclass (`NcfApiError`, `FgsApiError`). */
  ErrorClass: new (
    init: ApiErrorInit,
    site: CallSite,
    attempts: number,
  ) => ApiError;
  /**
   * Reads the vendor's fields from an error response. `body` is the parsed JSON, or the text when it is
   * not JSON (already bounded and redacted). Whatever it returns is redacted again and bounded.
   */
  fields(response: Response, body: unknown): VendorErrorFields;
  /** The vendor's request id in a response's headers (a success's, too; redacted before it is shown). */
  requestId(headers: Headers): string | undefined;
}

/** What a client is made of. */
export interface ClientCoreOptions {
  /** The API's base URL, already checked (no credentials, query or fragment). */
  baseUrl: string;
  /** Authenticates each attempt. */
  auth: AuthScheme;
  /** How the cloud's errors are read. */
  errors: ErrorMapping;
  /** Attempts, timeouts, backoff and the client's one retry strategy. */
  retry: ResolvedRetryOptions;
  /** The `fetch` to send with. Default: the global one, looked up at each call. */
  fetch?: typeof fetch | undefined;
  /** Headers every request carries (no credentials: the auth scheme adds those). */
  headers?: Record<string, string> | undefined;
  /** How path parameters are encoded. Default `encodeURIComponent`. */
  encodePath?: PathEncoder | undefined;
  /** Called once per attempt with what happened (no secrets). */
  logger?: CallLogger | undefined;
  /**
   * The client's own rule for every request (an operation's or the typed client's), applied before any
   * byte is sent: it returns the request to send, or throws a ValidationError.
   */
  prepare?: ((request: OutgoingRequest) => OutgoingRequest) | undefined;
}

/** A client's settings, checked and frozen. */
export interface ClientCore extends Readonly<ClientCoreOptions> {
  /** The `fetch` to send with (the global one unless one was given). */
  readonly fetch: typeof fetch;
}

/** The settings of one client. */
export function createClientCore(options: ClientCoreOptions): ClientCore {
  const fetchWith: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  return Object.freeze({ ...options, fetch: fetchWith });
}
