import type { Clock } from "../clock.js";
import { createCredentialsCache } from "./credentials-cache.js";
import type { RenewalRule } from "./renewal-rule.js";
import {
  type CredentialsProvider,
  type Keys,
  type TemporaryCredentials,
  toKeys,
} from "./temporary-credentials.js";

// What an auth scheme holds: fixed keys, or a provider behind the renewal cache. The scheme asks for the
// current keys on each attempt and remembers, per request, which keys signed it (for redaction and 401s).

export interface KeySource {
  get(signal?: AbortSignal): Promise<Keys>;
  /** After a 401 blamed `keys`: whether another attempt may get different ones. */
  reject(keys: Keys): boolean;
}

export function keySource(
  credentials: TemporaryCredentials | CredentialsProvider,
  rule: RenewalRule,
  clock: Clock | undefined,
): KeySource {
  if (typeof credentials === "function") return createCredentialsCache(credentials, rule, { clock });
  const keys = toKeys(credentials);
  return { get: () => Promise.resolve(keys), reject: () => false };
}

/** The secrets of `keys`, as a redactor wants them. */
export function secretsOf(keys: Keys | undefined): string[] {
  if (!keys) return [];
  return keys.securityToken === undefined ? [keys.secretKey] : [keys.secretKey, keys.securityToken];
}
