import { type Clock, systemClock } from "./clock.js";
import { createSingleFlightCache } from "./credentials/single-flight-cache.js";
import { assertHeaderSafe } from "./header-value.js";
import { fixedTokenSource } from "./huawei-fixed-token.js";
import { ValidationError } from "./validation-error.js";

// IAM tokens for Huawei Cloud (`X-Auth-Token`). A token is either a fixed string or comes from an async
// provider (for example `createIamTokenProvider`, or your own call to IAM `POST /v3/auth/tokens`). Provider
// results are cached until shortly before they expire; concurrent requests that find the cache stale share
// one refresh.
//
// Bounded by construction: each caller waits for the shared refresh only as long as its own signal allows
// (the client passes the attempt's, which carries `timeoutMs` and the caller's signal). The provider gets a
// signal that aborts once every caller waiting for it has given up, and a refresh that nobody waits for any
// more is dropped, so a provider that never settles cannot block later calls. A 401 invalidates only the
// token it rejected: a burst of 401s for one revoked token causes one refresh, not one per call.

/** What a provider returns: the token, optionally with its expiry (IAM's `token.expires_at`). */
export type HuaweiTokenResult = string | { token: string; expiresAt?: Date | string | number | undefined };
/** `signal` aborts when no caller waits for this refresh any more: pass it to your `fetch`. */
export type HuaweiTokenProvider = (context: {
  signal: AbortSignal;
}) => HuaweiTokenResult | Promise<HuaweiTokenResult>;

/** Options of `createHuaweiTokenSource`. */
export interface HuaweiTokenSourceOptions {
  /** Time source for expiry. Default `Date.now`. */
  clock?: Clock;
  /** Refresh this long before the expiry. Default 5 minutes. */
  refreshBeforeMs?: number;
  /** Lifetime assumed when the provider gives no expiry. Default 23 hours (IAM tokens live 24 hours). */
  assumedLifetimeMs?: number;
}

/** A cached token: `huaweiTokenAuth` takes one, or makes one from a token or a provider. */
export interface HuaweiTokenSource {
  /** The current token, refreshing it first when it is (nearly) expired; waits at most until `signal`. */
  get(signal?: AbortSignal): Promise<string>;
  /** Forget `token` (after a 401, say) if it is still the cached one; with no argument, forget any. */
  invalidate(token?: string): void;
  /** Whether `invalidate` can lead to a different token (false for a fixed string). */
  readonly refreshable: boolean;
}

const MINUTE = 60_000;

/** The cache in front of a token: a fixed string, or a provider refreshed before expiry and after a 401. */
export function createHuaweiTokenSource(
  token: string | HuaweiTokenProvider,
  options: HuaweiTokenSourceOptions = {},
): HuaweiTokenSource {
  if (typeof token === "string") return fixedTokenSource(token);
  if (typeof token !== "function") {
    throw new ValidationError(
      "token",
      `is ${token === null ? "null" : typeof token}`,
      "it must be a string or a function that returns one",
    );
  }
  const provider = token;
  const refreshBeforeMs = options.refreshBeforeMs ?? 5 * MINUTE;
  const assumedLifetimeMs = options.assumedLifetimeMs ?? 23 * 60 * MINUTE;
  const cache = createSingleFlightCache(async (signal, startedAt) => {
    const result = await provider({ signal });
    const value = typeof result === "string" ? result : result?.token;
    assertHeaderSafe("token", value);
    const refreshAt = expiryOf(result, startedAt + assumedLifetimeMs) - refreshBeforeMs;
    return { value, refreshAt, requiredAt: refreshAt };
  }, options.clock ?? systemClock);
  return { refreshable: true, get: cache.get, invalidate: cache.invalidate };
}

function expiryOf(result: HuaweiTokenResult, fallback: number): number {
  if (typeof result !== "object" || result.expiresAt === undefined) return fallback;
  const raw = result.expiresAt;
  const time = raw instanceof Date ? raw.getTime() : typeof raw === "number" ? raw : Date.parse(String(raw));
  if (!Number.isFinite(time)) {
    throw new ValidationError(
      "expiresAt",
      "from the token provider is not a valid time",
      "give a Date, an ISO-8601 string or epoch milliseconds",
    );
  }
  return time;
}
