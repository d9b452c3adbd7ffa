import { type Clock, systemClock } from "../clock.js";
import { ValidationError } from "../validation-error.js";
import { type RenewalRule, renewalTimes } from "./renewal-rule.js";
import { type CredentialsProvider, type Keys, toKeys } from "./temporary-credentials.js";

// The cache in front of a credentials provider, shared by every call of a client (the same design as the
// IAM token source, huawei-token.ts):
// - single flight: however many calls find the cache cold or stale, one renewal runs and they all wait for it;
// - renewed by the rule (renewal-rule.ts): started early, waited for only when the keys are nearly expired;
// - bounded by each call: a caller waits only as long as its own signal allows (the client passes the
//   attempt's, which carries `timeoutMs` and the caller's signal). The provider's signal aborts once nobody
//   waits any more, and a renewal nobody waits for is dropped, so a provider that never settles blocks nothing;
// - a 401 drops only the keys it rejected: a burst of 401s for one expired key causes one renewal.

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
  const clock = options.clock ?? systemClock;
  let cached: { keys: Keys; refreshAt: number; requiredAt: number } | undefined;
  let pending: { promise: Promise<Keys>; controller: AbortController; waiting: number } | undefined;

  function renew(): NonNullable<typeof pending> {
    const controller = new AbortController();
    const run = async () => {
      const started = clock();
      const keys = toKeys(await provider({ signal: controller.signal }));
      if (controller.signal.aborted) throw controller.signal.reason;
      cached = { keys, ...renewalTimes(rule, started, keys.expiresAt) };
      return keys;
    };
    const current = { promise: run(), controller, waiting: 0 };
    current.promise
      .finally(() => {
        if (pending === current) pending = undefined;
      })
      .catch(() => {});
    return current;
  }

  function wait(current: NonNullable<typeof pending>, signal?: AbortSignal): Promise<Keys> {
    current.waiting++;
    // A caller without a signal waits for as long as the renewal takes, and keeps it alive meanwhile.
    if (!signal) return current.promise.finally(() => current.waiting--);
    const leave = () => {
      current.waiting--;
      if (current.waiting === 0 && pending === current && signal.aborted) {
        pending = undefined;
        current.controller.abort(signal.reason);
      }
    };
    return raceAbort(current.promise, signal).finally(leave);
  }

  return {
    get(signal) {
      const now = clock();
      if (cached && now < cached.refreshAt) return Promise.resolve(cached.keys);
      if (cached && now < cached.requiredAt) {
        // Early renewal: started once, nobody waits for it; until it lands the cached keys still serve.
        pending ??= renew();
        return Promise.resolve(cached.keys);
      }
      pending ??= renew();
      return wait(pending, signal);
    },
    reject(keys) {
      if (cached?.keys === keys) cached = undefined;
      return true;
    },
  };
}

/** Settles like `promise`, or rejects with the signal's reason as soon as `signal` aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
