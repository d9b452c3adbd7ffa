import { createHash, createHmac } from "node:crypto";

// Huawei SDK-HMAC-SHA256 (AK/SK), computed independently of @fnapi/auth from specs/auth.md: the canonical
// request of what was received, its string to sign, and the signature.

export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** RFC 3986 percent-encoding: only `A-Z a-z 0-9 - _ . ~` stay, everything else is `%XX` of its UTF-8 bytes. */
export function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // not valid percent-encoding: signed as the literal text
  }
}

export function canonicalUri(rawPath: string): string {
  const uri = rawPath
    .split("/")
    .map((segment) => rfc3986(decode(segment)))
    .join("/");
  return uri.endsWith("/") ? uri : `${uri}/`;
}

export function canonicalQueryString(rawQuery: string): string {
  if (rawQuery === "") return "";
  return rawQuery
    .split("&")
    .filter((part) => part !== "")
    .map((part) => {
      const eq = part.indexOf("=");
      const key = eq === -1 ? part : part.slice(0, eq);
      const value = eq === -1 ? "" : part.slice(eq + 1);
      return [rfc3986(decode(key)), rfc3986(decode(value))] as const;
    })
    .sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

export interface CanonicalInput {
  method: string;
  rawPath: string;
  rawQuery: string;
  /** Header values by lower-case name. */
  headers: Record<string, string | undefined>;
  /** Lower-case names, as listed in `SignedHeaders`. */
  signedHeaders: string[];
  body: Uint8Array | string;
}

export interface Canonical {
  canonicalRequest: string;
  stringToSign: string;
}

export function canonicalHeaders(headers: CanonicalInput["headers"], signedHeaders: string[]): string {
  return [...signedHeaders]
    .sort()
    .map((name) => `${name}:${(headers[name] ?? "").trim()}\n`)
    .join("");
}

export function huaweiCanonical(input: CanonicalInput, sdkDate: string): Canonical {
  const signed = [...input.signedHeaders].sort();
  const bodyHash = createHash("sha256").update(input.body).digest("hex");
  const canonicalRequest = [
    input.method,
    canonicalUri(input.rawPath),
    canonicalQueryString(input.rawQuery),
    canonicalHeaders(input.headers, signed),
    signed.join(";"),
    bodyHash,
  ].join("\n");
  const hash = createHash("sha256").update(canonicalRequest, "utf8").digest("hex");
  return { canonicalRequest, stringToSign: `SDK-HMAC-SHA256\n${sdkDate}\n${hash}` };
}

export function huaweiSignature(secretKey: string, stringToSign: string): string {
  return createHmac("sha256", secretKey).update(stringToSign, "utf8").digest("hex");
}

export interface HuaweiAuthorization {
  accessKey: string;
  signedHeaders: string[];
  signature: string;
}

/** `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b>, Signature=<hex>`; undefined when malformed. */
export function parseHuaweiAuthorization(value: string): HuaweiAuthorization | undefined {
  const match = /^SDK-HMAC-SHA256\s+(.*)$/.exec(value.trim());
  if (!match?.[1]) return undefined;
  const fields = new Map<string, string>();
  for (const part of match[1].split(",")) {
    const eq = part.indexOf("=");
    if (eq === -1) return undefined;
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKey = fields.get("Access");
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (!accessKey || !signedHeaders || !signature) return undefined;
  return { accessKey, signedHeaders: signedHeaders.split(";").map((h) => h.trim().toLowerCase()), signature };
}

/** `YYYYMMDDTHHMMSSZ` (UTC) to epoch milliseconds; undefined when malformed. */
export function parseSdkDate(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const ms = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
  const back = new Date(ms);
  return back.getUTCDate() === d && back.getUTCHours() === h ? ms : undefined;
}
