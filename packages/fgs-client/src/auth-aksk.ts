import { type HuaweiAkSkCredentials, huaweiAkSkAuth, type RenewingCredentials } from "@fnapi/auth";
import type { FgsAuth } from "./fgs.js";

/**
 * AK/SK signing (SDK-HMAC-SHA256) for `createFgs({ auth: fgsAkSk({ accessKey, secretKey }) })`; with
 * `securityToken` for temporary credentials; or keys that renew themselves:
 * `fgsAkSk(renewingCredentials(provider))` (`@fnapi/auth/credentials`).
 */
export function fgsAkSk(credentials: HuaweiAkSkCredentials | RenewingCredentials): FgsAuth {
  return ({ projectId, clock, crypto }) =>
    (credentials as Partial<RenewingCredentials>).auth?.((keys) =>
      huaweiAkSkAuth(keys, { projectId, clock, crypto }),
    ) ?? huaweiAkSkAuth(credentials as HuaweiAkSkCredentials, { projectId, clock, crypto });
}
