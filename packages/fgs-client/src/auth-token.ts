import { type HuaweiTokenProvider, huaweiTokenAuth } from "@fnapi/auth";
import type { FgsAuth } from "./fgs.js";

/**
 * IAM token authentication for `createFgs({ auth: fgsToken(token) })`: a token, or an async provider whose
 * result is cached until shortly before it expires (`createIamTokenProvider`). Sent as `X-Auth-Token`.
 */
export function fgsToken(token: string | HuaweiTokenProvider): FgsAuth {
  return ({ clock }) => huaweiTokenAuth(token, clock ? { clock } : {});
}
