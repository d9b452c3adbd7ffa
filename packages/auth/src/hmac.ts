import { toHex, utf8Bytes } from "./encoding.js";

// Web Crypto wrappers. A signer imports its key once (`importHmacKey`) and reuses the CryptoKey for every
// request: importing costs more than the HMAC itself, and a CryptoKey does not reveal its material to
// `util.inspect` or `JSON.stringify`.

function subtle(): SubtleCrypto {
  const api = globalThis.crypto?.subtle;
  if (!api) throw new Error("Web Crypto (globalThis.crypto.subtle) is not available in this runtime");
  return api;
}

export function importHmacKey(secret: string): Promise<CryptoKey> {
  return subtle().importKey("raw", utf8Bytes(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

export function hmacSha256(key: CryptoKey, data: string): Promise<ArrayBuffer> {
  return subtle().sign("HMAC", key, utf8Bytes(data));
}

export async function sha256Hex(data: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const bytes = typeof data === "string" ? utf8Bytes(data) : data;
  return toHex(await subtle().digest("SHA-256", bytes));
}
