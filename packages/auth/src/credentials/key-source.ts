import type { AuthScheme } from "../auth-scheme.js";
import type { Keys } from "./temporary-credentials.js";

// Keys that renew themselves, as the main entry sees them: an object that turns a scheme for fixed keys into
// one that signs with whatever keys are current. This type is all the main entry carries;
// the cache, the renewal rule, the checks of a provider's answer and the scheme that switches keys live in
// `@fnapi/auth/credentials`, so a program that never uses a provider bundles none of it.

/** Keys that renew themselves, made by `renewingCredentials(provider)` in `@fnapi/auth/credentials`. */
export interface RenewingCredentials {
  /** The current keys, renewing them first when needed; waits at most until `signal`. */
  get(signal?: AbortSignal): Promise<Keys>;
  /** Forget `keys` (after a 401 that blamed them). Returns whether another attempt may get different ones. */
  reject(keys: Keys): boolean;
  /**
   * A scheme that signs each attempt with the current keys, through the scheme `make` gives for them (one per
   * set of keys): their secrets redacted from its answer, and a 401 its scheme cannot repair renews them.
   */
  auth(make: (keys: Keys) => AuthScheme): AuthScheme;
}
