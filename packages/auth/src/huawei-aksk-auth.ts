import type { AuthScheme } from "./auth-scheme.js";
import type { Clock } from "./clock.js";
import { createSkewedClock } from "./clock-skew.js";
import type { SigningCrypto } from "./crypto.js";
import { assertHeaderSafe } from "./header-value.js";
import { createHuaweiSigner, type HuaweiAkSkCredentials } from "./huawei-sdk-hmac-sha256.js";

/** Options of `huaweiAkSkAuth`. */
export interface HuaweiAkSkAuthOptions {
  /** Sent and signed as `X-Project-Id` (Huawei's SDKs do so for project-scoped services). */
  projectId?: string | undefined;
  /** Time source for `X-Sdk-Date`. Default `Date.now`; corrected when a 401 shows the clock is off. */
  clock?: Clock | undefined;
  /** HMAC and SHA-256 implementation. Default `webCrypto`. */
  crypto?: SigningCrypto | undefined;
}

/**
 * Huawei SDK-HMAC-SHA256 (AK/SK) as an auth scheme: signs each attempt afresh (`X-Project-Id`,
 * `X-Security-Token`, `X-Sdk-Date`, `Authorization`), redacts the secret key, the security token and each
 * signature, and after a 401 whose `Date` shows skew adopts the server's clock for one more try.
 */
export function huaweiAkSkAuth(
  credentials: HuaweiAkSkCredentials,
  options: HuaweiAkSkAuthOptions = {},
): AuthScheme {
  const clock = createSkewedClock(options.clock);
  const signer = createHuaweiSigner(credentials, {
    clock: clock.now,
    ...(options.crypto ? { crypto: options.crypto } : {}),
  });
  const { projectId } = options;
  if (projectId !== undefined) assertHeaderSafe("projectId", projectId);
  const fixed = [credentials.secretKey, credentials.securityToken].filter(
    (s): s is string => s !== undefined,
  );
  return {
    name: "huawei-sdk-hmac-sha256",
    async authorize(request) {
      if (projectId !== undefined) request.headers.set("X-Project-Id", projectId);
      await signer.sign(request);
    },
    secrets(request) {
      const authorization = request?.headers.get("authorization");
      // The signature hex (what follows the last `Signature=`) is redacted on its own as well as inside
      // `Authorization`: a gateway may echo just it. Read back when asked (an error), not kept per request.
      return authorization
        ? [...fixed, authorization.split("Signature=").pop() as string, authorization]
        : [...fixed];
    },
    onUnauthorized: (response) => clock.adjustFrom(response),
  };
}
