import type { Middleware } from "openapi-fetch";
import { type Clock, systemClock } from "./clock.js";
import { toBase64 } from "./encoding.js";
import { assertHeaderSafe } from "./header-value.js";
import { hmacSha256, importHmacKey } from "./hmac.js";
import { requestTarget } from "./request-target.js";

// NAVER Cloud Platform API Gateway signature v2.
//   stringToSign = METHOD + " " + pathAndQuery + "\n" + timestamp + "\n" + accessKey
//   signature    = Base64(HMAC-SHA256(secretKey, stringToSign))
// The body is never signed. The timestamp is read once per request and that same string is both signed and
// sent: the gateway refuses a request whose header differs from the signed value or is 5+ minutes off.

export interface NcpCredentials {
  accessKey: string;
  secretKey: string;
}

export interface NcpSignatureHeaders {
  "x-ncp-apigw-timestamp": string;
  "x-ncp-iam-access-key": string;
  "x-ncp-apigw-signature-v2": string;
}

export function ncpStringToSign(
  method: string,
  target: string,
  timestamp: string,
  accessKey: string,
): string {
  return `${method.toUpperCase()} ${target}\n${timestamp}\n${accessKey}`;
}

export interface NcpSignerOptions {
  /** Source of the timestamp; read once per signed request. Defaults to `Date.now`. */
  clock?: Clock;
}

export interface NcpSigner {
  /** The three signature headers for a request to `url` at the signer's current time. */
  headersFor(method: string, url: string | URL): Promise<NcpSignatureHeaders>;
  /** Sets the three signature headers on `request` (mutating its headers) and returns it. */
  sign(request: Request): Promise<Request>;
}

/**
 * Creates a signer with the secret key imported once. The secret stays in a closure: the returned object
 * has no property that holds it.
 */
export function createNcpSigner(credentials: NcpCredentials, options: NcpSignerOptions = {}): NcpSigner {
  assertHeaderSafe("accessKey", credentials?.accessKey);
  assertHeaderSafe("secretKey", credentials?.secretKey);
  const { accessKey } = credentials;
  const clock = options.clock ?? systemClock;
  let key: Promise<CryptoKey> | undefined;
  const secretKey = credentials.secretKey;

  async function headersFor(method: string, url: string | URL): Promise<NcpSignatureHeaders> {
    key ??= importHmacKey(secretKey);
    const timestamp = String(Math.trunc(clock()));
    const mac = await hmacSha256(
      await key,
      ncpStringToSign(method, requestTarget(url), timestamp, accessKey),
    );
    return {
      "x-ncp-apigw-timestamp": timestamp,
      "x-ncp-iam-access-key": accessKey,
      "x-ncp-apigw-signature-v2": toBase64(mac),
    };
  }

  return {
    headersFor,
    async sign(request) {
      const headers = await headersFor(request.method, request.url);
      for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
      return request;
    },
  };
}

/**
 * openapi-fetch middleware that signs every request (every attempt) with NCP signature v2.
 * Register it last so that it signs the final URL.
 */
export function ncpSignatureMiddleware(
  credentials: NcpCredentials,
  options: NcpSignerOptions = {},
): Middleware {
  const signer = createNcpSigner(credentials, options);
  return { onRequest: ({ request }) => signer.sign(request) };
}

/** Pure function form: the signature for a known string-to-sign. */
export async function ncpSignature(secretKey: string, stringToSign: string): Promise<string> {
  return toBase64(await hmacSha256(await importHmacKey(secretKey), stringToSign));
}
