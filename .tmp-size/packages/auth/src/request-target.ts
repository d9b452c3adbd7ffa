/**
 * The request target exactly as it goes on the wire: path plus `?query` (if the URL has a `?`), without
 * origin or fragment. Taken from the serialized URL, so the signed bytes are the sent bytes whatever
 * encoding or parameter order produced them.
 */
export function requestTarget(url: string | URL): string {
  const parsed = typeof url === "string" ? new URL(url) : url;
  const href = parsed.href;
  const afterOrigin = href.slice(parsed.origin.length);
  const hash = afterOrigin.indexOf("#");
  return hash === -1 ? afterOrigin : afterOrigin.slice(0, hash);
}
