import type { SignableRequest } from "./auth-scheme.js";
import { type Clock, systemClock } from "./clock.js";
import { type SigningCrypto, webCrypto } from "./crypto.js";
import { toBase64 } from "./encoding.js";
import { assertCredential } from "./header-value.js";
import { requestTarget } from "./request-target.js";

// NAVER Cloud Platform API Gateway signature v2.
//   stringToSign = METHOD + " " + pathAndQuery + "\n" + timestamp + "\n" + accessKey
//   signature    = Base64(HMAC-SHA256(secretKey, stringToSign))
// The body is never signed. The timestamp is read once per request and that same string is both signed and
// sent: the gateway refuses a request whose header differs from the signed value or is 5+ minutes off.

/** An NCP API key pair (console: My Page > Authentication Key). */
export interface NcpCredentials {
  /** The access key id. */
  accessKey: string;
  /** The secret key. A secret: never sent, never shown. */
  secretKey: string;
}

/** The three headers NCP signature v2 adds to a request. */
export interface NcpSignatureHeaders {
  /** Epoch milliseconds, as signed. */
  "x-ncp-apigw-timestamp": string;
  /** The access key id. */
  "x-ncp-iam-access-key": string;
  /** The signature, base64. As secret as the key for as long as the timestamp is fresh. */
  "x-ncp-apigw-signature-v2": string;
}

/** The string NCP signature v2 signs: `METHOD target`, the timestamp and the access key, one per line. */
export function ncpStringToSign(
  method: string,
  target: string,
  timestamp: string,
  accessKey: string,
): string {
  return `${method.toUpperCase()} ${target}\n${timestamp}\n${accessKey}`;
}

/** Options of `createNcpSigner`. */
export interface NcpSignerOptions {
  /** Source of the timestamp; read once per signed request. Defaults to `Date.now`. */
  clock?: Clock;
  /** HMAC implementation. Defaults to Web Crypto. */
  crypto?: SigningCrypto;
}

/** Signs requests with one NCP key pair (the secret stays in a closure). */
export interface NcpSigner {
  /** The three signature headers for a request to `url` at the signer's current time. */
  headersFor(method: string, url: string | URL): Promise<NcpSignatureHeaders>;
  /**
   * Sets the three signature headers on `request` (mutating its headers) and returns the signature
   * (base64), which is as secret as the header.
   */
  sign(request: SignableRequest): Promise<string>;
}

/** A signer with the secret key prepared once. The secret stays in a closure: no property holds it. */
export function createNcpSigner(credentials: NcpCredentials, options: NcpSignerOptions = {}): NcpSigner {
  assertCredential("accessKey", credentials?.accessKey);
  assertCredential("secretKey", credentials?.secretKey);
  const { accessKey } = credentials;
  const clock = options.clock ?? systemClock;
  const crypto = options.crypto ?? webCrypto;
  // base64 straight from the runtime when it can (node:crypto encodes natively), else encoded here.
  const mac =
    crypto.hmacSha256Text?.(credentials.secretKey, "base64") ?? crypto.hmacSha256(credentials.secretKey);

  async function headersFor(method: string, url: string | URL): Promise<NcpSignatureHeaders> {
    const timestamp = String(Math.trunc(clock()));
    const signature = await mac(ncpStringToSign(method, requestTarget(url), timestamp, accessKey));
    return {
      "x-ncp-apigw-timestamp": timestamp,
      "x-ncp-iam-access-key": accessKey,
      "x-ncp-apigw-signature-v2": toBase64(signature),
    };
  }

  return {
    headersFor,
    async sign(request) {
      const headers = await headersFor(request.method, request.url);
      for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
      return headers["x-ncp-apigw-signature-v2"];
    },
  };
}

/** Pure function form: the signature for a known string-to-sign. */
export async function ncpSignature(
  secretKey: string,
  stringToSign: string,
  crypto: SigningCrypto = webCrypto,
): Promise<string> {
  return toBase64(await crypto.hmacSha256(secretKey)(stringToSign));
}
