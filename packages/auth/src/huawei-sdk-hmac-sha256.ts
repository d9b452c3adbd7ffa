import type { Middleware } from "openapi-fetch";
import { type Clock, systemClock } from "./clock.js";
import { toHex } from "./encoding.js";
import { assertHeaderSafe } from "./header-value.js";
import { hmacSha256, importHmacKey, sha256Hex } from "./hmac.js";
import { canonicalHeaders, canonicalQueryString, canonicalUri, sdkDate } from "./huawei-canonical.js";

// Huawei Cloud AK/SK signing, "SDK-HMAC-SHA256":
//   CanonicalRequest = METHOD \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n hex(sha256(body))
//   StringToSign     = "SDK-HMAC-SHA256" \n X-Sdk-Date \n hex(sha256(CanonicalRequest))
//   Authorization    = SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<list>, Signature=hex(HMAC-SHA256(SK, StringToSign))

export const HUAWEI_ALGORITHM = "SDK-HMAC-SHA256";
export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export interface HuaweiAkSkCredentials {
  accessKey: string;
  secretKey: string;
  /** For temporary credentials: sent and signed as `X-Security-Token`. */
  securityToken?: string | undefined;
}

export interface HuaweiSignInput {
  method: string;
  url: string | URL;
  /** Exactly the headers to sign, `X-Sdk-Date` among them (and `Host` if it is to be signed). */
  headers: Record<string, string>;
  /** hex SHA-256 of the body; the empty body's hash by default. */
  bodySha256?: string;
}

export interface HuaweiSignature {
  canonicalRequest: string;
  canonicalRequestSha256: string;
  stringToSign: string;
  signature: string;
  signedHeaders: string;
  authorization: string;
}

/** The pure algorithm: signs exactly the given headers with a CryptoKey made by `importHmacKey(SK)`. */
export async function huaweiSignWithKey(
  key: CryptoKey,
  accessKey: string,
  input: HuaweiSignInput,
): Promise<HuaweiSignature> {
  const url = typeof input.url === "string" ? new URL(input.url) : input.url;
  const date = Object.entries(input.headers).find(([name]) => name.toLowerCase() === "x-sdk-date")?.[1];
  if (date === undefined) throw new TypeError("the headers to sign must include X-Sdk-Date");
  const headers = canonicalHeaders(Object.entries(input.headers));
  const canonicalRequest = [
    input.method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQueryString(url.search),
    headers.canonical,
    headers.signed,
    input.bodySha256 ?? EMPTY_BODY_SHA256,
  ].join("\n");
  const canonicalRequestSha256 = await sha256Hex(canonicalRequest);
  const stringToSign = `${HUAWEI_ALGORITHM}\n${date}\n${canonicalRequestSha256}`;
  const signature = toHex(await hmacSha256(key, stringToSign));
  return {
    canonicalRequest,
    canonicalRequestSha256,
    stringToSign,
    signature,
    signedHeaders: headers.signed,
    authorization: `${HUAWEI_ALGORITHM} Access=${accessKey}, SignedHeaders=${headers.signed}, Signature=${signature}`,
  };
}

/** The pure algorithm with the secret key as a string. */
export async function huaweiSign(
  credentials: Pick<HuaweiAkSkCredentials, "accessKey" | "secretKey">,
  input: HuaweiSignInput,
): Promise<HuaweiSignature> {
  return huaweiSignWithKey(await importHmacKey(credentials.secretKey), credentials.accessKey, input);
}

export interface HuaweiSignerOptions {
  /** Source of `X-Sdk-Date`; read once per signed request. Defaults to `Date.now`. */
  clock?: Clock;
}

export interface HuaweiSigner {
  /** Sets `X-Sdk-Date`, `X-Security-Token` (if any) and `Authorization` on `request` and returns it. */
  sign(request: Request): Promise<Request>;
}

// Headers a runtime or proxy may add or rewrite after signing; signing them would break the signature.
const UNSIGNED = new Set(["authorization", "user-agent", "content-length", "connection", "accept-encoding"]);

/**
 * Signs requests as Huawei's SDKs do: `host` (host[:port], no default port), `x-sdk-date` and every other
 * header present at signing time (for a FunctionGraph DELETE: content-type;host;x-project-id;x-sdk-date,
 * plus x-security-token with temporary credentials). The secret stays in a closure.
 */
export function createHuaweiSigner(
  credentials: HuaweiAkSkCredentials,
  options: HuaweiSignerOptions = {},
): HuaweiSigner {
  assertHeaderSafe("accessKey", credentials?.accessKey);
  assertHeaderSafe("secretKey", credentials?.secretKey);
  if (credentials.securityToken !== undefined) assertHeaderSafe("securityToken", credentials.securityToken);
  const { accessKey, securityToken } = credentials;
  const secretKey = credentials.secretKey;
  const clock = options.clock ?? systemClock;
  let key: Promise<CryptoKey> | undefined;

  return {
    async sign(request) {
      key ??= importHmacKey(secretKey);
      request.headers.set("X-Sdk-Date", sdkDate(clock()));
      if (securityToken !== undefined) request.headers.set("X-Security-Token", securityToken);
      const url = new URL(request.url);
      const toSign: Record<string, string> = { host: url.host };
      request.headers.forEach((value, name) => {
        if (!UNSIGNED.has(name)) toSign[name] = value;
      });
      const bodySha256 = request.body
        ? await sha256Hex(new Uint8Array(await request.clone().arrayBuffer()))
        : undefined;
      const signed = await huaweiSignWithKey(await key, accessKey, {
        method: request.method,
        url,
        headers: toSign,
        ...(bodySha256 ? { bodySha256 } : {}),
      });
      request.headers.set("Authorization", signed.authorization);
      return request;
    },
  };
}

/** openapi-fetch middleware that signs every request (every attempt) with AK/SK. Register it last. */
export function huaweiAkSkMiddleware(
  credentials: HuaweiAkSkCredentials,
  options: HuaweiSignerOptions = {},
): Middleware {
  const signer = createHuaweiSigner(credentials, options);
  return { onRequest: ({ request }) => signer.sign(request) };
}
