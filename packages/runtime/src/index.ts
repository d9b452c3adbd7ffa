// @fnapi/runtime: what a client of an fnapi spec is made of — the client kit (one openapi-fetch client whose
// `fetch` is the request pipeline), the error types every client throws, and `authMiddleware` for using an
// auth scheme with an openapi-fetch client of your own. Helpers for fnapi's own clients are in
// `@fnapi/runtime/internal`, without a semver promise.
export type { AuthScheme, SignableRequest } from "@fnapi/auth";
export { authMiddleware } from "./auth-scheme.js";
export {
  type CallPolicy,
  type CallResult,
  type ClientKit,
  type ClientKitOptions,
  createClientKit,
  type DeleteResult,
  type ErrorMapping,
  type PipelineFetch,
  type VendorErrorFields,
} from "./client-kit.js";
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
  type AttemptFailure,
  createStandardRetryStrategy,
  type RetryStrategy,
  type StandardRetryOptions,
} from "./retry/strategy.js";
export type { ResolvedRetryOptions, RetryOptions } from "./retry-options.js";
