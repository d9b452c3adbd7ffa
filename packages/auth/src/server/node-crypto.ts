import { createHash, createHmac, createSecretKey } from "node:crypto";
import type { SigningCrypto } from "../crypto.js";

// node:crypto, for Node, Deno and Bun (the server build): HMAC and SHA-256 run synchronously on the calling
// thread. Web Crypto hops to a thread pool and back for each call, which costs far more than hashing a few
// hundred bytes (one Huawei signature: ≈ 111 µs against ≈ 6 µs; docs/decisions/0006). The key is a
// KeyObject, made once, which `util.inspect` does not reveal.
export const nodeCrypto: SigningCrypto = {
  hmacSha256(secret) {
    const key = createSecretKey(new TextEncoder().encode(secret));
    return (data) => createHmac("sha256", key).update(data, "utf8").digest();
  },
  sha256(data) {
    const hash = createHash("sha256");
    return typeof data === "string" ? hash.update(data, "utf8").digest() : hash.update(data).digest();
  },
};
