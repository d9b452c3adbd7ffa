export type { AuthScheme } from "@fnapi/runtime";
export { type Clock, systemClock } from "./clock.js";
export { createSkewedClock, MAX_SKEW_MS, type SkewedClock } from "./clock-skew.js";
export { type MaybePromise, type SigningCrypto, webCrypto } from "./crypto.js";
export type { components as IamComponents, paths as IamPaths } from "./generated/iam.js";
export { type HuaweiAkSkAuthOptions, huaweiAkSkAuth, huaweiAkSkMiddleware } from "./huawei-aksk-auth.js";
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
  huaweiSign,
} from "./huawei-sdk-hmac-sha256.js";
export {
  createTokenSource,
  type TokenProvider,
  type TokenResult,
  type TokenSource,
  type TokenSourceOptions,
} from "./huawei-token.js";
export { huaweiTokenAuth, huaweiTokenMiddleware } from "./huawei-token-auth.js";
export { createIamTokenProvider, IamApiError, type IamTokenProviderOptions } from "./iam-token-provider.js";
export {
  createNcpSigner,
  type NcpCredentials,
  type NcpSignatureHeaders,
  type NcpSigner,
  type NcpSignerOptions,
  ncpSignature,
  ncpStringToSign,
} from "./ncp-signature-v2.js";
export { type NcpAuthOptions, ncpSignatureMiddleware, ncpSignatureV2Auth } from "./ncp-signature-v2-auth.js";
export { requestTarget } from "./request-target.js";
