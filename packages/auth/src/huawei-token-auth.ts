import type { AuthScheme } from "./auth-scheme.js";
import {
  createHuaweiTokenSource,
  type HuaweiTokenProvider,
  type HuaweiTokenSource,
  type HuaweiTokenSourceOptions,
} from "./huawei-token.js";

/**
 * An IAM token (`X-Auth-Token`) as an auth scheme: a fixed token, a provider (cached, refreshed before it
 * expires, one refresh shared by concurrent callers) or a `TokenSource`. Redacts every token it sent; a 401
 * drops the token it rejected, and is worth one more try when the token can be refreshed.
 */
export function huaweiTokenAuth(
  token: string | HuaweiTokenProvider | HuaweiTokenSource,
  options: HuaweiTokenSourceOptions = {},
): AuthScheme {
  const source =
    typeof token === "object" && token !== null ? token : createHuaweiTokenSource(token, options);
  const fixed = typeof token === "string" ? [token] : [];
  return {
    name: "huawei-iam-token",
    async authorize(request, signal) {
      request.headers.set("X-Auth-Token", await source.get(signal));
    },
    secrets(request) {
      const sent = request?.headers.get("x-auth-token");
      return sent ? [...fixed, sent] : [...fixed];
    },
    onUnauthorized(_response, request) {
      const rejected = request.headers.get("x-auth-token");
      if (rejected === null) return false;
      source.invalidate(rejected);
      return source.refreshable;
    },
  };
}
