export { onAbort, raceAbort, sleep } from "./abort.js";
export {
  type Attempt,
  type AttemptOutcome,
  type AttemptPolicy,
  isRetryableStatus,
  parseRetryAfter,
  runAttempts,
} from "./attempts.js";
export { type AuthScheme, authMiddleware } from "./auth-scheme.js";
export { parseBaseUrl, quoteValue } from "./base-url.js";
export { MAX_DATA_BODY_BYTES, MAX_ERROR_BODY_BYTES } from "./bounded-body.js";
export {
  type CallPolicy,
  type ClientKit,
  type ClientKitOptions,
  createClientKit,
  type ErrorMapping,
  type OperationResult,
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
export { assertOptionsObject, checkOptions, type OptionKind } from "./options-object.js";
export { createRedactor, REDACTED, type Redactor } from "./redact.js";
export { type ResolvedRetryOptions, type RetryOptions, resolveRetryOptions } from "./retry-options.js";
