import { describe, expect, it } from "vitest";
import { webCrypto } from "../crypto.js";
import { toBase64, toHex } from "../encoding.js";
import { nodeCrypto } from "./node-crypto.js";

// The server build's text shortcuts (`hmacSha256Text`, `sha256Hex`) must give exactly the bytes of the two
// primitives every runtime has, encoded: a signer takes either path, and a signature may not depend on which.
const inputs = ["", "a", "DELETE /x?y=1\n1700000000000\nAK", "é𝄞\u0000\r\n", "x".repeat(1000)];
const secrets = ["k", "s3cr3tK3yThatIsFortyCharactersLong000000", "ключ/+="];

describe("nodeCrypto's text shortcuts", () => {
  it("hmacSha256Text is hmacSha256 as hex or base64, for every secret and input", async () => {
    for (const secret of secrets) {
      const hex = nodeCrypto.hmacSha256Text?.(secret, "hex");
      const base64 = nodeCrypto.hmacSha256Text?.(secret, "base64");
      if (!hex || !base64) throw new Error("node:crypto is available here: the shortcut must be too");
      for (const data of inputs) {
        const bytes = await webCrypto.hmacSha256(secret)(data);
        expect(hex(data)).toBe(toHex(bytes));
        expect(base64(data)).toBe(toBase64(bytes));
      }
    }
  });

  it("sha256Hex is sha256 as hex", async () => {
    for (const data of inputs) expect(nodeCrypto.sha256Hex?.(data)).toBe(toHex(await webCrypto.sha256(data)));
  });

  it("Web Crypto has no shortcut: the signers encode its bytes (toHex, toBase64)", () => {
    expect(webCrypto.hmacSha256Text).toBeUndefined();
    expect(webCrypto.sha256Hex).toBeUndefined();
    expect(toHex(new Uint8Array([0, 15, 255]))).toBe("000fff");
    expect(toBase64(new Uint8Array([0, 15, 255]))).toBe("AA//");
  });
});
