// @fnapi/auth: the signers and auth schemes of both clouds, with no dependency (not even on openapi-fetch).
export type { AuthScheme, SignableRequest } from "./auth-scheme.js";
export type { Clock } from "./clock.js";
export type { RenewingCredentials } from "./credentials/key-source.js";
export type { CredentialsProvider, Keys, TemporaryCredentials } from "./credentials/temporary-credentials.js";
export { type SigningCrypto, webCrypto } from "./crypto.js";
export { type HuaweiAkSkAuthOptions, huaweiAkSkAuth } from "./huawei-aksk-auth.js";
export { huaweiSdkDate, parseHuaweiSdkDate } from "./huawei-canonical.js";
export {
  createHuaweiSigner,
  type HuaweiAkSkCredentials,
  type HuaweiSignature,
  type HuaweiSigner,
  type HuaweiSignerOptions,
  type HuaweiSignInput,
  huaweiSign,
} from "./huawei-sdk-hmac-sha256.js";
export {
  createHuaweiTokenSource,
  type HuaweiTokenProvider,
  type HuaweiTokenResult,
  type HuaweiTokenSource,
  type HuaweiTokenSourceOptions,
} from "./huawei-token.js";
export { huaweiFixedTokenAuth, huaweiTokenAuth } from "./huawei-token-auth.js";
export {
  createNcpSigner,
  type NcpCredentials,
  type NcpSignatureHeaders,
  type NcpSigner,
  type NcpSignerOptions,
  ncpSignature,
  ncpStringToSign,
} from "./ncp-signature-v2.js";
export { type NcpSignatureV2AuthOptions, ncpSignatureV2Auth } from "./ncp-signature-v2-auth.js";
export { ValidationError } from "./validation-error.js";
