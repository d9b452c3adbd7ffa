import { type HuaweiAkSkCredentials, huaweiAkSkAuth } from "@fnapi/auth";
import type { FgsAuth } from "./fgs.js";

/**
 * AK/SK signing (SDK-HMAC-SHA256) for `createFgs({ auth: fgsAkSk({ accessKey, secretKey }) })`; with
 * `securityToken` for temporary credentials.
 */
export function fgsAkSk(credentials: HuaweiAkSkCredentials): FgsAuth {
  return ({ projectId, clock, crypto }) => huaweiAkSkAuth(credentials, { projectId, clock, crypto });
}
