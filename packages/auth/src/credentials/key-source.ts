import type { Keys } from "./temporary-credentials.js";

// What an auth scheme holds: fixed keys, or renewing credentials (`renewingCredentials(provider)` from
// `@fnapi/auth/credentials`). The scheme asks for the current keys on each attempt and remembers, per request,
// which keys signed it (for redaction and 401s). This file is all of that machinery the main entry carries:
// the cache, the renewal rule and the checks of a provider's answer live in the credentials entry, so a
// program that never uses a provider does not bundle them.

/** Keys that renew themselves, made by `renewingCredentials(provider)` in `@fnapi/auth/credentials`. */
export interface RenewingCredentials {
  /** The current keys, renewing them first when needed; waits at most until `signal`. */
  get(signal?: AbortSignal): Promise<Keys>;
  /** Forget `keys` (after a 401 that blamed them). Returns whether another attempt may get different ones. */
  reject(keys: Keys): boolean;
}

/** The secrets of a key set (static or renewed). */
export interface SecretParts {
  readonly secretKey: string;
  readonly securityToken?: string | undefined;
}

/** Whether `credentials` renew themselves (an object with `get` and `reject`) rather than being fixed keys. */
export const isRenewing = (credentials: object): credentials is RenewingCredentials =>
  typeof (credentials as { get?: unknown }).get === "function";

/** The secrets of `keys`, as a redactor wants them. */
export function secretsOf(keys: SecretParts | undefined): string[] {
  if (!keys) return [];
  return keys.securityToken === undefined ? [keys.secretKey] : [keys.secretKey, keys.securityToken];
}
