import type { Clock } from "../clock.js";
import { createCredentialsCache } from "./credentials-cache.js";
import type { RenewingCredentials } from "./key-source.js";
import { HUAWEI_RENEWAL, type RenewalRule } from "./renewal-rule.js";
import { renewingAuth } from "./renewing-auth.js";
import type { CredentialsProvider } from "./temporary-credentials.js";

/** Options of `renewingCredentials`. */
export interface RenewingCredentialsOptions {
  /** When the keys are renewed. Default Huawei's (`HUAWEI_RENEWAL`); NAVER's is `NCP_RENEWAL`. */
  renewal?: RenewalRule | undefined;
  /** Time source for expiry. Default `Date.now`. */
  clock?: Clock | undefined;
}

/**
 * A credentials provider behind the one renewal cache, for an auth scheme (`huaweiAkSkAuth`,
 * `ncpSignatureV2Auth`, `fgsAkSk`, a client's `credentials`): cached until the rule's threshold before expiry,
 * one renewal in flight however many calls wait, one renewal after a 401 that blames the keys, and no caller
 * waiting longer than its own signal.
 */
export function renewingCredentials(
  provider: CredentialsProvider,
  options: RenewingCredentialsOptions = {},
): RenewingCredentials {
  const cache = createCredentialsCache(provider, options.renewal ?? HUAWEI_RENEWAL, { clock: options.clock });
  const credentials: RenewingCredentials = {
    get: cache.get,
    reject: cache.reject,
    auth: (make) => renewingAuth(credentials, make),
  };
  return credentials;
}
