// @fnapi/auth/credentials: credentials that expire and renew themselves. Its own entry, so that a program
// signing with fixed keys bundles none of it (the auth schemes of the main entry take either).
export type { AuthScheme, SignableRequest } from "./auth-scheme.js";
export type { Clock } from "./clock.js";
export type { RenewingCredentials } from "./credentials/key-source.js";
export { HUAWEI_RENEWAL, NCP_RENEWAL, type RenewalRule } from "./credentials/renewal-rule.js";
export {
  type RenewingCredentialsOptions,
  renewingCredentials,
} from "./credentials/renewing-credentials.js";
export {
  type CredentialsProvider,
  type Keys,
  keyIdTail,
  type TemporaryCredentials,
  toKeys,
} from "./credentials/temporary-credentials.js";
