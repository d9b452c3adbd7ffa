import { type SigningCrypto, webCrypto } from "../crypto.js";
import { builtin } from "./builtin.js";

// node:crypto, for Node, Deno and Bun (the server build): HMAC and SHA-256 run synchronously on the calling
// thread. Web Crypto hops to a thread pool and back for each call, which costs far more than hashing a few
// hundred bytes (one Huawei signature: ≈ 111 µs against ≈ 6 µs; docs/decisions/0006). The key is a
// KeyObject, made once, which `util.inspect` does not reveal.
//
// The module is loaded on first use, not at import: loading node:crypto compiles its internals (streams, key
// objects), ≈ 8 ms that an `import` of a client should not pay (bench/, cold start). If it cannot be had
// (a runtime without it), Web Crypto does the work instead: the same signatures, only slower.

type NodeCrypto = typeof import("node:crypto");
let loaded: NodeCrypto | null | undefined;

function nodeCryptoModule(): NodeCrypto | null {
  if (loaded === undefined) {
    try {
      loaded = builtin<NodeCrypto>("node:crypto");
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

/** `node:crypto` (Node, Deno, Bun): faster than Web Crypto for many small signatures. */
export const nodeCrypto: SigningCrypto = {
  hmacSha256(secret) {
    const crypto = nodeCryptoModule();
    if (!crypto) return webCrypto.hmacSha256(secret);
    const key = crypto.createSecretKey(new TextEncoder().encode(secret));
    return (data) => crypto.createHmac("sha256", key).update(data, "utf8").digest();
  },
  sha256(data) {
    const crypto = nodeCryptoModule();
    if (!crypto) return webCrypto.sha256(data);
    // `crypto.hash` (Node >= 20.12, Deno, Bun) hashes in one call without making a Hash object.
    const oneShot = (
      crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: "buffer") => Uint8Array }
    ).hash;
    if (oneShot) return oneShot("sha256", data, "buffer");
    const hash = crypto.createHash("sha256");
    return typeof data === "string" ? hash.update(data, "utf8").digest() : hash.update(data).digest();
  },
  // node:crypto encodes hex and base64 natively: the signers' loop over the bytes (`toHex`, `toBase64`)
  // costs about as much again as the HMAC itself (bench/src/overhead.mjs, issue 23).
  hmacSha256Text(secret, encoding) {
    const crypto = nodeCryptoModule();
    if (!crypto) return undefined;
    const key = crypto.createSecretKey(new TextEncoder().encode(secret));
    return (data) => crypto.createHmac("sha256", key).update(data, "utf8").digest(encoding);
  },
  sha256Hex(data) {
    const crypto = nodeCryptoModule();
    if (!crypto) return undefined;
    const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: "hex") => string }).hash;
    return oneShot
      ? oneShot("sha256", data, "hex")
      : crypto.createHash("sha256").update(data, "utf8").digest("hex");
  },
};
