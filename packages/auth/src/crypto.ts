import { utf8Bytes } from "./encoding.js";

// The two primitives the signers need, behind one small interface so that each runtime can bring the
// fastest implementation it has (Web Crypto everywhere; node:crypto on servers) without a signer changing.
// In the manner of Smithy's signature-v4, which takes a `sha256` constructor, and stripe-node's crypto
// providers. Results may be synchronous: a signer awaits them either way.

/** The two hash primitives the signers need; `webCrypto` everywhere, `nodeCrypto` (server entry) on servers. */
export interface SigningCrypto {
  /**
   * An HMAC-SHA-256 keyed with `secret` (as UTF-8). The key is prepared once and stays in the returned
   * closure, which is used for every request.
   */
  hmacSha256(secret: string): (data: string) => Uint8Array | Promise<Uint8Array>;
  /** SHA-256 of `data` (a string is hashed as UTF-8). */
  sha256(data: string | Uint8Array): Uint8Array | Promise<Uint8Array>;
  /**
   * Optional, for a runtime that encodes natively (node:crypto): `hmacSha256` whose result is hex or base64
   * text, synchronously; `undefined` when it cannot, and the signers then encode `hmacSha256`'s bytes.
   */
  hmacSha256Text?(secret: string, encoding: "hex" | "base64"): ((data: string) => string) | undefined;
  /** Optional, as `hmacSha256Text`: SHA-256 of a UTF-8 string as hex, or `undefined` when it cannot. */
  sha256Hex?(data: string): string | undefined;
}

function subtle(): SubtleCrypto {
  const api = globalThis.crypto?.subtle;
  if (!api) throw new Error("Web Crypto (globalThis.crypto.subtle) is not available in this runtime");
  return api;
}

/** Web Crypto (`crypto.subtle`): browsers, workers, Deno, Bun and Node. The CryptoKey is not extractable. */
export const webCrypto: SigningCrypto = {
  hmacSha256(secret) {
    let key: Promise<CryptoKey> | undefined;
    return async (data) => {
      key ??= subtle().importKey("raw", utf8Bytes(secret), { name: "HMAC", hash: "SHA-256" }, false, [
        "sign",
      ]);
      return new Uint8Array(await subtle().sign("HMAC", await key, utf8Bytes(data)));
    };
  },
  async sha256(data) {
    const bytes = typeof data === "string" ? utf8Bytes(data) : (data as Uint8Array<ArrayBuffer>);
    return new Uint8Array(await subtle().digest("SHA-256", bytes));
  },
};
