// RFC 3986 percent-encoding as Huawei's signer uses it: keep A–Z a–z 0–9 - _ . ~, encode every other
// UTF-8 byte as upper-case %XX. encodeURIComponent leaves ! ' ( ) * alone, so those are encoded here.

export function rfc3986Encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Decodes percent-escapes; a malformed escape is kept as it is (the server sees the same bytes). */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
