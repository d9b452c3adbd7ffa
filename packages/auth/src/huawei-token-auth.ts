import type { AuthScheme } from "./auth-scheme.js";
import { fixedTokenSource } from "./huawei-fixed-token.js";
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
  if (typeof token === "string") return huaweiFixedTokenAuth(token);
  return tokenSourceAuth(
    typeof token === "object" && token !== null ? token : createHuaweiTokenSource(token, options),
  );
}

/**
 * A fixed IAM token (`X-Auth-Token`) as an auth scheme, without the provider cache of `huaweiTokenAuth` (so a
 * program with a fixed token bundles none): redacted wherever it is echoed; a 401 is final.
 */
export function huaweiFixedTokenAuth(token: string): AuthScheme {
  return tokenSourceAuth(fixedTokenSource(token), [token]);
}

/** `X-Auth-Token` from `source`; redacts `held` and every token it sent. */
function tokenSourceAuth(source: HuaweiTokenSource, held: string[] = []): AuthScheme {
  return {
    name: "huawei-iam-token",
    async authorize(request, signal) {
      request.headers.set("X-Auth-Token", await source.get(signal));
    },
    secrets(request) {
      const sent = request?.headers.get("x-auth-token");
      return sent ? [...held, sent] : [...held];
    },
    onUnauthorized(_response, request) {
      const rejected = request.headers.get("x-auth-token");
      if (rejected === null) return false;
      source.invalidate(rejected);
      return source.refreshable;
    },
  };
}
