import type { Clock } from "../clock.js";
import { ValidationError } from "../validation-error.js";
import { type RenewalRule, renewalTimes } from "./renewal-rule.js";
import { createSingleFlightCache } from "./single-flight-cache.js";
import { type CredentialsProvider, type Keys, toKeys } from "./temporary-credentials.js";

// The cache in front of a credentials provider, shared by every call of a client: the single-flight cache
// (single-flight-cache.ts, shared with IAM tokens) renewing by the rule (renewal-rule.ts).

/** Cached, renewing credentials (what the auth schemes hold). */
export interface CredentialsCache {
  /** The current keys, renewing them first when needed; waits at most until `signal`. */
  get(signal?: AbortSignal): Promise<Keys>;
  /** Forget `keys` (after a 401) if they are still the cached ones. Returns whether a renewal can help. */
  reject(keys: Keys): boolean;
}

/** Options of `createCredentialsCache`. */
export interface CredentialsCacheOptions {
  /** Time source for expiry. Default `Date.now`. */
  clock?: Clock | undefined;
}

export function createCredentialsCache(
  provider: CredentialsProvider,
  rule: RenewalRule,
  options: CredentialsCacheOptions = {},
): CredentialsCache {
  if (typeof provider !== "function") {
    throw new ValidationError(
      "credentials",
      `is ${provider === null ? "null" : typeof provider}`,
      "it must be an async function that resolves to { accessKey, secretKey, securityToken?, expiresAt? }",
    );
  }
  const cache = createSingleFlightCache(async (signal, startedAt) => {
    const keys = toKeys(await provider({ signal }));
    return { value: keys, ...renewalTimes(rule, startedAt, keys.expiresAt) };
  }, options.clock);
  return {
    get: cache.get,
    reject(keys) {
      cache.invalidate(keys);
      return true;
    },
  };
}
