import { huaweiFixedTokenAuth } from "@fnapi/auth";
import { ValidationError } from "@fnapi/runtime";
import type { FgsAuth } from "./fgs.js";

/**
 * A fixed IAM token for `createFgs({ auth: fgsToken(token) })`, sent as `X-Auth-Token`. A token that renews
 * itself (`createIamTokenProvider`, your own provider) is `fgsTokenProvider(provider)`: a program with a
 * fixed token bundles no provider cache.
 */
export function fgsToken(token: string): FgsAuth {
  if (typeof token === "function") {
    throw new ValidationError("token", "is a function", "give a provider as fgsTokenProvider(provider)");
  }
  return () => huaweiFixedTokenAuth(token);
}
