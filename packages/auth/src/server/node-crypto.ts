import * as crypto from "node:crypto";
import type { SigningCrypto } from "../crypto.js";

// node:crypto, for Node, Deno and Bun (the server build): HMAC and SHA-256 run synchronously on the calling
// thread. Web Crypto hops to a thread pool and back for each call, which costs far more than hashing a few
// hundred bytes (one Huawei signature: ≈ 111 µs against ≈ 6 µs; docs/decisions/0006). The key is a
// KeyObject, made once, which `util.inspect` does not reveal.
// `crypto.hash` (Node >= 20.12, Deno, Bun) hashes in one call without making a Hash object; older Node 20
// releases fall back to `createHash`.
const oneShot = (
  crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: "buffer") => Uint8Array }
).hash;

export const nodeCrypto: SigningCrypto = {
  hmacSha256(secret) {
    const key = crypto.createSecretKey(new TextEncoder().encode(secret));
    return (data) => crypto.createHmac("sha256", key).update(data, "utf8").digest();
  },
  sha256(data) {
    if (oneShot) return oneShot("sha256", data, "buffer");
    const hash = crypto.createHash("sha256");
    return typeof data === "string" ? hash.update(data, "utf8").digest() : hash.update(data).digest();
  },
};
