import { rfc3986Encode, safeDecode } from "./rfc3986.js";

// The canonicalisation steps of Huawei's SDK-HMAC-SHA256 (API request signing guide), one function each.

/** Each decoded path segment RFC 3986-encoded, `/` kept, always ending in `/`. `urn:fss:` → `urn%3Afss%3A`. */
export function canonicalUri(pathname: string): string {
  // Most paths hold only unreserved characters, `/` and a URN's `:` (the one to escape): those skip the
  // per-segment encoder, and the decode step, which is only needed when a segment already has a `%`.
  const encoded = /^[\w.~:/-]*$/.test(pathname)
    ? pathname.replaceAll(":", "%3A")
    : pathname
        .split("/")
        .map((segment) => rfc3986Encode(segment.includes("%") ? safeDecode(segment) : segment))
        .join("/");
  return encoded.endsWith("/") ? encoded : `${encoded}/`;
}

/** `key=value` pairs, decoded then RFC 3986-encoded, sorted by key then value, joined by `&`. */
export function canonicalQueryString(search: string): string {
  const query = search.startsWith("?") ? search.slice(1) : search;
  if (query === "") return "";
  const pairs = query
    .split("&")
    .filter((part) => part !== "")
    .map((part) => {
      const eq = part.indexOf("=");
      const key = eq === -1 ? part : part.slice(0, eq);
      const value = eq === -1 ? "" : part.slice(eq + 1);
      return [rfc3986Encode(safeDecode(key)), rfc3986Encode(safeDecode(value))] as const;
    });
  pairs.sort(([ka, va], [kb, vb]) => compare(ka, kb) || compare(va, vb));
  return pairs.map(([key, value]) => `${key}=${value}`).join("&");
}

/**
 * Canonical headers (`name:value\n` for each, lower-case names sorted byte-wise, values trimmed) and the
 * signed-headers list (`a;b;c`).
 */
export function canonicalHeaders(headers: Iterable<readonly [string, string]>): {
  canonical: string;
  signed: string;
} {
  // Plain loops: `Array.from(…, map)` and destructuring comparators cost more than the hashing (bench/).
  const entries: [string, string][] = [];
  for (const [name, value] of headers) entries.push([name.toLowerCase(), value.trim()]);
  entries.sort((a, b) => compare(a[0], b[0]));
  let canonical = "";
  for (const [name, value] of entries) canonical += `${name}:${value}\n`;
  return { canonical, signed: entries.map((entry) => entry[0]).join(";") };
}

/** `YYYYMMDDTHHMMSSZ` in UTC (a time that is not a date is a RangeError). */
export function huaweiSdkDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[-:]|\.\d+/g, "");
}

/** The time an `X-Sdk-Date` names, in milliseconds since the epoch (NaN when it is not `YYYYMMDDTHHMMSSZ`). */
export function parseHuaweiSdkDate(value: string): number {
  if (!/^\d{8}T\d{6}Z$/.test(value)) return Number.NaN;
  return Date.parse(
    `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 11)}:${value.slice(11, 13)}:${value.slice(13)}`,
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
