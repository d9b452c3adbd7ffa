import type { AuthScheme } from "./auth-scheme.js";
import type { Clock } from "./clock.js";
import { createSkewedClock } from "./clock-skew.js";
import { isRenewing, type RenewingCredentials, secretsOf } from "./credentials/key-source.js";
import type { Keys } from "./credentials/temporary-credentials.js";
import type { SigningCrypto } from "./crypto.js";
import { createNcpSigner, type NcpCredentials, type NcpSigner } from "./ncp-signature-v2.js";

/** Options of `ncpSignatureV2Auth`. */
export interface NcpSignatureV2AuthOptions {
  /** Time source for the timestamp. Default `Date.now`; corrected when a 401 shows the clock is off. */
  clock?: Clock | undefined;
  /** HMAC implementation. Default `webCrypto`. */
  crypto?: SigningCrypto | undefined;
}

// Which keys signed a request: their secret is redacted from its answer, and a 401 rejects just them.
const signedWith = new WeakMap<object, Keys>();

/**
 * NCP API Gateway signature v2 as an auth scheme: signs each attempt afresh, redacts the secret key and each
 * signature it made, and after a 401 whose `Date` shows skew adopts the server's clock for one more try.
 */
export function ncpSignatureV2Auth(
  credentials: NcpCredentials | RenewingCredentials,
  options: NcpSignatureV2AuthOptions = {},
): AuthScheme {
  const clock = createSkewedClock(options.clock);
  const keys: RenewingCredentials = isRenewing(credentials)
    ? credentials
    : { get: () => Promise.resolve(credentials as Keys), reject: () => false };
  const signers = new WeakMap<Keys, NcpSigner>();
  const signerFor = (current: Keys) => {
    let signer = signers.get(current);
    if (!signer) {
      signer = createNcpSigner(current, {
        clock: clock.now,
        ...(options.crypto ? { crypto: options.crypto } : {}),
      });
      signers.set(current, signer);
    }
    return signer;
  };
  // Fixed keys are checked at once (the signer checks them), a provider's when they arrive.
  if (!isRenewing(credentials)) signerFor(credentials as Keys);
  // Fixed keys are checked (and their secret known) at once; a provider's when they arrive.
  const fixed = isRenewing(credentials) ? [] : [credentials.secretKey];
  return {
    name: "ncp-signature-v2",
    async authorize(request, signal) {
      const current = await keys.get(signal);
      signedWith.set(request, current);
      await signerFor(current).sign(request);
    },
    secrets(request) {
      const signature = request?.headers.get("x-ncp-apigw-signature-v2");
      const used = request ? secretsOf(signedWith.get(request)) : [];
      return [...new Set([...fixed, ...used, ...(signature ? [signature] : [])])];
    },
    // A 401 whose Date shows skew is the clock's fault; any other blames the key, and a provider renews it.
    onUnauthorized(response, request) {
      if (clock.adjustFrom(response)) return true;
      const used = signedWith.get(request);
      return used !== undefined && keys.reject(used);
    },
  };
}
