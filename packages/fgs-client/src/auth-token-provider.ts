import { type HuaweiTokenProvider, type HuaweiTokenSource, huaweiTokenAuth } from "@fnapi/auth";
import type { FgsAuth } from "./fgs.js";

/**
 * An IAM token that renews itself, for `createFgs({ auth: fgsTokenProvider(provider) })`: an async provider
 * (`createIamTokenProvider`, or your own call to IAM) whose result is cached until shortly before it expires,
 * one refresh shared by concurrent calls and one more after a 401; or a `HuaweiTokenSource`. Sent as
 * `X-Auth-Token`.
 */
export function fgsTokenProvider(provider: HuaweiTokenProvider | HuaweiTokenSource): FgsAuth {
  return ({ clock }) => huaweiTokenAuth(provider, clock ? { clock } : {});
}
