import type { Middleware } from "openapi-fetch";
import { type Clock, systemClock } from "./clock.js";
import { assertHeaderSafe } from "./header-value.js";

// IAM token injection for Huawei Cloud (`X-Auth-Token`). A token is either a fixed string or comes from an
// async provider (for example a call to IAM `POST /v3/auth/tokens`). Provider results are cached until
// shortly before they expire; concurrent requests that find the cache stale share one refresh.

/** What a provider returns: the token, optionally with its expiry (IAM's `token.expires_at`). */
export type TokenResult = string | { token: string; expiresAt?: Date | string | number };
export type TokenProvider = () => TokenResult | Promise<TokenResult>;

export interface TokenSourceOptions {
  clock?: Clock;
  /** Refresh this long before the expiry. Default 5 minutes. */
  refreshBeforeMs?: number;
  /** Lifetime assumed when the provider gives no expiry. Default 23 hours (IAM tokens live 24 hours). */
  assumedLifetimeMs?: number;
}

export interface TokenSource {
  /** The current token, refreshing it first when it is (nearly) expired. */
  get(): Promise<string>;
  /** Forget the cached token (after a 401, say) so the next `get` asks the provider again. */
  invalidate(): void;
  /** Whether `invalidate` can lead to a different token (false for a fixed string). */
  readonly refreshable: boolean;
}

const MINUTE = 60_000;

export function createTokenSource(
  token: string | TokenProvider,
  options: TokenSourceOptions = {},
): TokenSource {
  if (typeof token === "string") {
    assertHeaderSafe("token", token);
    const fixed = token;
    return { get: () => Promise.resolve(fixed), invalidate() {}, refreshable: false };
  }
  if (typeof token !== "function") {
    throw new TypeError("token must be a string or a function that returns one");
  }
  const provider = token;
  const clock = options.clock ?? systemClock;
  const refreshBeforeMs = options.refreshBeforeMs ?? 5 * MINUTE;
  const assumedLifetimeMs = options.assumedLifetimeMs ?? 23 * 60 * MINUTE;
  let cached: { token: string; refreshAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function refresh(): Promise<string> {
    const result = await provider();
    const value = typeof result === "string" ? result : result?.token;
    assertHeaderSafe("token", value);
    const expiresAt =
      typeof result === "object" && result.expiresAt !== undefined
        ? new Date(result.expiresAt).getTime()
        : clock() + assumedLifetimeMs;
    if (Number.isNaN(expiresAt)) throw new TypeError("the token provider returned an invalid expiresAt");
    cached = { token: value, refreshAt: expiresAt - refreshBeforeMs };
    return value;
  }

  return {
    refreshable: true,
    get() {
      if (cached && clock() < cached.refreshAt) return Promise.resolve(cached.token);
      pending ??= refresh().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    invalidate() {
      cached = undefined;
    },
  };
}

/** openapi-fetch middleware that sets `X-Auth-Token` on every request from a token or token source. */
export function huaweiTokenMiddleware(token: string | TokenProvider | TokenSource): Middleware {
  const source = typeof token === "object" ? token : createTokenSource(token);
  return {
    async onRequest({ request }) {
      request.headers.set("X-Auth-Token", await source.get());
      return request;
    },
  };
}
