export { type Clock, systemClock } from "./clock.js";
export { createSkewedClock, type SkewedClock } from "./clock-skew.js";
export { ApiError, type ApiErrorInit, NetworkError, TimeoutError, ValidationError } from "./errors.js";
export {
  type ErrorResponseGuardOptions,
  guardErrorResponses,
  MAX_ERROR_BODY_BYTES,
  SECRET_HEADERS,
} from "./guarded-fetch.js";
export { assertHeaderSafe } from "./header-value.js";
export {
  canonicalHeaders,
  canonicalQueryString,
  canonicalUri,
  parseSdkDate,
  sdkDate,
} from "./huawei-canonical.js";
export {
  createHuaweiSigner,
  EMPTY_BODY_SHA256,
  HUAWEI_ALGORITHM,
  type HuaweiAkSkCredentials,
  type HuaweiSignature,
  type HuaweiSigner,
  type HuaweiSignerOptions,
  type HuaweiSignInput,
  huaweiAkSkMiddleware,
  huaweiSign,
  huaweiSignWithKey,
} from "./huawei-sdk-hmac-sha256.js";
export {
  createTokenSource,
  huaweiTokenMiddleware,
  type TokenProvider,
  type TokenResult,
  type TokenSource,
  type TokenSourceOptions,
} from "./huawei-token.js";
export { firstHeader, type IdempotentCall, rawBody, runIdempotentCall } from "./idempotent-call.js";
export {
  createNcpSigner,
  type NcpCredentials,
  type NcpSignatureHeaders,
  type NcpSigner,
  type NcpSignerOptions,
  ncpSignature,
  ncpSignatureMiddleware,
  ncpStringToSign,
} from "./ncp-signature-v2.js";
export { requestTarget } from "./request-target.js";
export {
  type Attempt,
  type AttemptOutcome,
  isRetryableStatus,
  parseRetryAfter,
  type ResolvedRetryOptions,
  type RetryOptions,
  resolveRetryOptions,
  runAttempts,
} from "./retry.js";
export { rfc3986Encode } from "./rfc3986.js";
export { fetchWithSignal } from "./signal-fetch.js";
