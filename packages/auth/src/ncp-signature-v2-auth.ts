import type { AuthScheme } from "./auth-scheme.js";
import type { Clock } from "./clock.js";
import { createSkewedClock } from "./clock-skew.js";
import type { SigningCrypto } from "./crypto.js";
import { createNcpSigner, type NcpCredentials } from "./ncp-signature-v2.js";

/** Options of `ncpSignatureV2Auth`. */
export interface NcpSignatureV2AuthOptions {
  /** Time source for the timestamp. Default `Date.now`; corrected when a 401 shows the clock is off. */
  clock?: Clock | undefined;
  /** HMAC implementation. Default `webCrypto`. */
  crypto?: SigningCrypto | undefined;
}

/**
 * NCP API Gateway signature v2 as an auth scheme: signs each attempt afresh, redacts the secret key and each
 * signature it made, and after a 401 whose `Date` shows skew adopts the server's clock for one more try.
 */
export function ncpSignatureV2Auth(
  credentials: NcpCredentials,
  options: NcpSignatureV2AuthOptions = {},
): AuthScheme {
  const clock = createSkewedClock(options.clock);
  const signer = createNcpSigner(credentials, {
    clock: clock.now,
    ...(options.crypto ? { crypto: options.crypto } : {}),
  });
  const { secretKey } = credentials;
  return {
    name: "ncp-signature-v2",
    async authorize(request) {
      await signer.sign(request);
    },
    secrets(request) {
      const signature = request?.headers.get("x-ncp-apigw-signature-v2");
      return signature ? [secretKey, signature] : [secretKey];
    },
    onUnauthorized: (response) => clock.adjustFrom(response),
  };
}
