import { assertHeaderSafe } from "./header-value.js";
import type { HuaweiTokenSource } from "./huawei-token.js";

// A fixed IAM token as a token source: nothing to cache or refresh. Its own module so that a program with a
// fixed token (`fgsToken(token)`) bundles no provider cache.

/** A source that always gives `token` (checked: a header value, before anything is sent). */
export function fixedTokenSource(token: string): HuaweiTokenSource {
  assertHeaderSafe("token", token);
  return { get: () => Promise.resolve(token), invalidate() {}, refreshable: false };
}
