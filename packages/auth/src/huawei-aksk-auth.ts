import type { AuthScheme, SignableRequest } from "./auth-scheme.js";
import type { Clock } from "./clock.js";
import { createSkewedClock } from "./clock-skew.js";
import { isRenewing, type RenewingCredentials, secretsOf } from "./credentials/key-source.js";
import type { Keys } from "./credentials/temporary-credentials.js";
import type { SigningCrypto } from "./crypto.js";
import { assertHeaderSafe } from "./header-value.js";
import {
  createHuaweiSigner,
  type HuaweiAkSkCredentials,
  type HuaweiSigner,
} from "./huawei-sdk-hmac-sha256.js";

/** Options of `huaweiAkSkAuth`. */
export interface HuaweiAkSkAuthOptions {
  /** Sent and signed as `X-Project-Id` (Huawei's SDKs do so for project-scoped services). */
  projectId?: string | undefined;
  /** Time source for `X-Sdk-Date`. Default `Date.now`; corrected when a 401 shows the clock is off. */
  clock?: Clock | undefined;
  /** HMAC and SHA-256 implementation. Default `webCrypto`. */
  crypto?: SigningCrypto | undefined;
}

// The signature hex is redacted on its own as well as inside `Authorization`: a gateway may echo just it.
const signatures = new WeakMap<SignableRequest, string>();
// Which keys signed a request: their secrets are redacted from its answer, and a 401 rejects just them.
const signedWith = new WeakMap<SignableRequest, Keys>();

/**
 * Huawei SDK-HMAC-SHA256 (AK/SK) as an auth scheme: signs each attempt afresh (`X-Project-Id`,
 * `X-Security-Token`, `X-Sdk-Date`, `Authorization`), redacts the secret key, the security token and each
 * signature, and after a 401 whose `Date` shows skew adopts the server's clock for one more try.
 */
export function huaweiAkSkAuth(
  credentials: HuaweiAkSkCredentials | RenewingCredentials,
  options: HuaweiAkSkAuthOptions = {},
): AuthScheme {
  const clock = createSkewedClock(options.clock);
  const keys: RenewingCredentials = isRenewing(credentials)
    ? credentials
    : { get: () => Promise.resolve(credentials as Keys), reject: () => false };
  const signers = new WeakMap<Keys, HuaweiSigner>();
  const signerFor = (current: Keys) => {
    let signer = signers.get(current);
    if (!signer) {
      signer = createHuaweiSigner(current, {
        clock: clock.now,
        ...(options.crypto ? { crypto: options.crypto } : {}),
      });
      signers.set(current, signer);
    }
    return signer;
  };
  // Fixed keys are checked at once (the signer checks them), a provider's when they arrive.
  if (!isRenewing(credentials)) signerFor(credentials as Keys);
  const { projectId } = options;
  if (projectId !== undefined) assertHeaderSafe("projectId", projectId);
  // Fixed keys are checked (and their secrets known) at once; a provider's when they arrive.
  const fixed =
    isRenewing(credentials)
      ? []
      : [credentials.secretKey, credentials.securityToken].filter((s): s is string => s !== undefined);
  return {
    name: "huawei-sdk-hmac-sha256",
    async authorize(request, signal) {
      const current = await keys.get(signal);
      signedWith.set(request, current);
      if (projectId !== undefined) request.headers.set("X-Project-Id", projectId);
      signatures.set(request, await signerFor(current).sign(request));
    },
    secrets(request) {
      if (!request) return [...fixed];
      const signature = signatures.get(request);
      const authorization = request.headers.get("authorization");
      return [
        ...new Set([
          ...fixed,
          ...secretsOf(signedWith.get(request)),
          ...(signature ? [signature] : []),
          ...(authorization ? [authorization] : []),
        ]),
      ];
    },
    // A 401 whose Date shows skew is the clock's fault; any other blames the key, and a provider renews it.
    onUnauthorized(response, request) {
      if (clock.adjustFrom(response)) return true;
      const used = signedWith.get(request);
      return used !== undefined && keys.reject(used);
    },
  };
}
