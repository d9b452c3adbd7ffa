// @fnapi/runtime: what a client of an fnapi spec is made of — a client's settings (`createClientCore`), the
// one `send` every request goes through, the request builder over the generated `paths`, the retry strategy,
// the error types every client throws, and `authMiddleware` for using an auth scheme with an openapi-fetch
// client of your own. The typed openapi-fetch client over a client's settings is `@fnapi/runtime/openapi`.
// Helpers for fnapi's own clients are in `@fnapi/runtime/internal`, without a semver promise.
export type { AuthScheme, SignableRequest } from "@fnapi/auth";
export { authMiddleware } from "./auth-scheme.js";
export type { CallPolicy, CallResult, DeleteResult } from "./call-result.js";
export {
  type ClientCore,
  type ClientCoreOptions,
  createClientCore,
  type ErrorMapping,
  type VendorErrorFields,
} from "./client-core.js";
export {
  ApiError,
  type ApiErrorInit,
  CallError,
  type CallSite,
  NetworkError,
  ProtocolError,
  RedirectError,
  ResponseBodyError,
  TimeoutError,
  ValidationError,
} from "./errors.js";
export type { CallLogEntry, CallLogger } from "./logger.js";
export { LISTING_BOUNDS, type ListingBounds, ListingLimitError, STREAMED_LISTING_BOUNDS } from "./paging.js";
export {
  buildRequest,
  type HttpMethod,
  type OutgoingRequest,
  type ParamValue,
  type PathEncoder,
  type RequestBody,
  type RequestParams,
  requestUrl,
} from "./request-url.js";
export {
  type AttemptFailure,
  createStandardRetryStrategy,
  type RetryStrategy,
  type StandardRetryOptions,
} from "./retry/strategy.js";
export type { ResolvedRetryOptions, RetryOptions } from "./retry-options.js";
export { send } from "./send.js";
