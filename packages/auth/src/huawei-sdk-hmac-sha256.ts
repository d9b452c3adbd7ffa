import type { SignableRequest } from "./auth-scheme.js";
import { type Clock, systemClock } from "./clock.js";
import { type SigningCrypto, webCrypto } from "./crypto.js";
import { toHex } from "./encoding.js";
import { assertCredential, assertHeaderSafe } from "./header-value.js";
import { canonicalHeaders, canonicalQueryString, canonicalUri, huaweiSdkDate } from "./huawei-canonical.js";

// Huawei Cloud AK/SK signing, "SDK-HMAC-SHA256":
//   CanonicalRequest = METHOD \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n hex(sha256(body))
//   StringToSign     = "SDK-HMAC-SHA256" \n X-Sdk-Date \n hex(sha256(CanonicalRequest))
//   Authorization    = SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<list>, Signature=hex(HMAC-SHA256(SK, StringToSign))

export const HUAWEI_ALGORITHM = "SDK-HMAC-SHA256";
export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** A Huawei access key pair (console: My Credentials > Access Keys), optionally temporary. */
export interface HuaweiAkSkCredentials {
  /** The access key id (AK). */
  accessKey: string;
  /** The secret access key (SK). A secret: never sent, never shown. */
  secretKey: string;
  /** For temporary credentials: sent and signed as `X-Security-Token`. */
  securityToken?: string | undefined;
}

/** What `huaweiSign` signs: one request, described as data. */
export interface HuaweiSignInput {
  /** The HTTP method. */
  method: string;
  /** The absolute URL, query included. */
  url: string | URL;
  /** Exactly the headers to sign, `X-Sdk-Date` among them (and `Host` if it is to be signed). */
  headers: Record<string, string>;
  /** hex SHA-256 of the body; the empty body's hash by default. */
  bodySha256?: string;
}

/** A Huawei signature with its intermediate steps (for test vectors and debugging). */
export interface HuaweiSignature {
  /** The canonical request (method, URI, query, headers, signed headers, body hash). */
  canonicalRequest: string;
  /** Hex SHA-256 of the canonical request. */
  canonicalRequestSha256: string;
  /** `SDK-HMAC-SHA256`, the `X-Sdk-Date` and the canonical request hash, one per line. */
  stringToSign: string;
  /** The signature, hex. As secret as the `Authorization` header. */
  signature: string;
  /** The signed header names, `;`-separated. */
  signedHeaders: string;
  /** The `Authorization` header value. */
  authorization: string;
}

// The HMAC as hex text straight from the runtime when it can (node:crypto), else as bytes for `toHex`.
type Mac = (data: string) => string | Uint8Array | Promise<string | Uint8Array>;
const macOf = (crypto: SigningCrypto, secret: string): Mac =>
  crypto.hmacSha256Text?.(secret, "hex") ?? crypto.hmacSha256(secret);

/** Signs `method url` with exactly `headers`, whose `X-Sdk-Date` is `date`. */
async function signWith(
  mac: Mac,
  crypto: SigningCrypto,
  accessKey: string,
  method: string,
  url: URL,
  toSign: Iterable<readonly [string, string]>,
  bodySha256: string,
  date: string,
) {
  const headers = canonicalHeaders(toSign);
  const canonicalRequest = [
    method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQueryString(url.search),
    headers.canonical,
    headers.signed,
    bodySha256,
  ].join("\n");
  const canonicalRequestSha256 = toHex(
    await (crypto.sha256Hex?.(canonicalRequest) ?? crypto.sha256(canonicalRequest)),
  );
  const stringToSign = `${HUAWEI_ALGORITHM}\n${date}\n${canonicalRequestSha256}`;
  const signature = toHex(await mac(stringToSign));
  return {
    canonicalRequest,
    canonicalRequestSha256,
    stringToSign,
    signature,
    signedHeaders: headers.signed,
    authorization: `${HUAWEI_ALGORITHM} Access=${accessKey}, SignedHeaders=${headers.signed}, Signature=${signature}`,
  };
}

/** The pure algorithm: signs exactly the given headers, showing every intermediate string. */
export async function huaweiSign(
  credentials: Pick<HuaweiAkSkCredentials, "accessKey" | "secretKey">,
  input: HuaweiSignInput,
  crypto: SigningCrypto = webCrypto,
): Promise<HuaweiSignature> {
  let date: string | undefined;
  for (const name in input.headers) if (name.toLowerCase() === "x-sdk-date") date = input.headers[name];
  if (date === undefined) throw new TypeError("the headers to sign must include X-Sdk-Date");
  return signWith(
    macOf(crypto, credentials.secretKey),
    crypto,
    credentials.accessKey,
    input.method,
    typeof input.url === "string" ? new URL(input.url) : input.url,
    Object.entries(input.headers),
    input.bodySha256 ?? EMPTY_BODY_SHA256,
    date,
  );
}

/** Options of `createHuaweiSigner`. */
export interface HuaweiSignerOptions {
  /** Source of `X-Sdk-Date`; read once per signed request. Defaults to `Date.now`. */
  clock?: Clock;
  /** HMAC and SHA-256 implementation. Defaults to Web Crypto. */
  crypto?: SigningCrypto;
}

/** Signs requests with one Huawei key pair (the secret stays in a closure). */
export interface HuaweiSigner {
  /**
   * Sets `X-Sdk-Date`, `X-Security-Token` (if any) and `Authorization` on `request` and returns the
   * signature (hex), which is as secret as the header.
   */
  sign(request: SignableRequest): Promise<string>;
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
  assertCredential("accessKey", credentials?.accessKey);
  assertCredential("secretKey", credentials?.secretKey);
  if (credentials.securityToken !== undefined) assertHeaderSafe("securityToken", credentials.securityToken);
  const { accessKey, securityToken } = credentials;
  const clock = options.clock ?? systemClock;
  const crypto = options.crypto ?? webCrypto;
  const mac = macOf(crypto, credentials.secretKey);
  const hashHex = async (bytes: Uint8Array) => toHex(await crypto.sha256(bytes));
  let emptyBodySha256: string | undefined;

  return {
    async sign(request) {
      const date = huaweiSdkDate(clock());
      request.headers.set("X-Sdk-Date", date);
      if (securityToken !== undefined) request.headers.set("X-Security-Token", securityToken);
      const url = new URL(request.url);
      const toSign: [string, string][] = [["host", url.host]];
      request.headers.forEach((value, name) => {
        if (!UNSIGNED.has(name)) toSign.push([name, value]);
      });
      // The empty body's hash is computed once per signer rather than carried as a constant in every bundle.
      emptyBodySha256 ??= await hashHex(new Uint8Array(0));
      const bodySha256 = request.body
        ? await hashHex(new Uint8Array(await request.clone().arrayBuffer()))
        : emptyBodySha256;
      const signed = await signWith(mac, crypto, accessKey, request.method, url, toSign, bodySha256, date);
      request.headers.set("Authorization", signed.authorization);
      return signed.signature;
    },
  };
}
