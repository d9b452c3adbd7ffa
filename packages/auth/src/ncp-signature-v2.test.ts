import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createNcpSigner, ncpSignature, ncpStringToSign } from "./ncp-signature-v2.js";
import { ncpSignatureV2Auth } from "./ncp-signature-v2-auth.js";

// Vectors published in shared/reference/ncp-cloud-functions.md (made-up keys, computed independently).
const referenceVectors = [
  {
    stringToSign: "GET /photos/puppy.jpg?query1=&query2\n1700000000000\nACCESS_KEY_ID",
    secretKey: "ncp-secret-example",
    signature: "iPe1hFfjl7BPGhFZJGCY5XZgH6eWMwCWlSdSkKU+SPE=",
  },
  {
    stringToSign:
      "DELETE /ncf/api/v2/packages/package001?platform=vpc\n1700000000000\nncp_iam_EXAMPLEACCESSKEY",
    secretKey: "EXAMPLESECRETKEY",
    signature: "UWbMqnsLTwsR4SHU3I/w5OLK4gZtxk6zCBbNRhAVStc=",
  },
  {
    stringToSign: "DELETE /ncf/api/v2/packages/package001\n1700000000000\nncp_iam_EXAMPLEACCESSKEY",
    secretKey: "EXAMPLESECRETKEY",
    signature: "ersaDSXrvBD61mKymMul1XfrxWtse9vpH7KTccBhd+0=",
  },
];

const nodeHmac = (secret: string, data: string) => createHmac("sha256", secret).update(data).digest("base64");

describe("NCP signature v2", () => {
  it.each(referenceVectors)("matches the reference vector for $stringToSign", async (vector) => {
    expect(await ncpSignature(vector.secretKey, vector.stringToSign)).toBe(vector.signature);
    expect(nodeHmac(vector.secretKey, vector.stringToSign)).toBe(vector.signature);
  });

  it("builds the string to sign with one space, \\n newlines and no trailing newline", () => {
    expect(ncpStringToSign("delete", "/a?b=c", "1", "AK")).toBe("DELETE /a?b=c\n1\nAK");
  });

  it("signs the path and query exactly as sent, with the timestamp it sends", async () => {
    let now = 1_700_000_000_000;
    const signer = createNcpSigner(
      { accessKey: "ncp_iam_EXAMPLEACCESSKEY", secretKey: "EXAMPLESECRETKEY" },
      { clock: () => now++ },
    );
    const headers = await signer.headersFor(
      "DELETE",
      "https://cloudfunctions.apigw.ntruss.com/ncf/api/v2/packages/package001?platform=vpc",
    );
    expect(headers).toEqual({
      "x-ncp-apigw-timestamp": "1700000000000",
      "x-ncp-iam-access-key": "ncp_iam_EXAMPLEACCESSKEY",
      "x-ncp-apigw-signature-v2": "UWbMqnsLTwsR4SHU3I/w5OLK4gZtxk6zCBbNRhAVStc=",
    });
    // the clock is read once per request: the next request carries the next timestamp
    const next = await signer.headersFor("DELETE", "https://h.example/ncf/api/v2/packages/package001");
    expect(next["x-ncp-apigw-timestamp"]).toBe("1700000000001");
    expect(next["x-ncp-apigw-signature-v2"]).toBe(
      nodeHmac(
        "EXAMPLESECRETKEY",
        "DELETE /ncf/api/v2/packages/package001\n1700000000001\nncp_iam_EXAMPLEACCESSKEY",
      ),
    );
  });

  it("signs percent-encoded targets byte for byte, ignores the fragment and never the body", async () => {
    const signer = createNcpSigner({ accessKey: "AK", secretKey: "SK" }, { clock: () => 5 });
    const request = new Request("https://h.example/ncf/api/v2/packages/a%20b?x=%2F&a=1#frag", {
      method: "DELETE",
      body: "ignored",
    });
    await signer.sign(request);
    expect(request.headers.get("x-ncp-apigw-signature-v2")).toBe(
      nodeHmac("SK", "DELETE /ncf/api/v2/packages/a%20b?x=%2F&a=1\n5\nAK"),
    );
  });

  it("refuses missing or header-unsafe credentials without echoing them", () => {
    expect(() => createNcpSigner({ accessKey: "", secretKey: "x" })).toThrow(/accessKey is missing/);
    expect(() => createNcpSigner({ accessKey: "AK", secretKey: "top\r\nsecret" })).toThrow(
      /secretKey contains/,
    );
    try {
      createNcpSigner({ accessKey: "AK", secretKey: "top\r\nsecret" });
    } catch (error) {
      expect(String(error)).not.toContain("secret\n");
      expect(String(error)).not.toContain("top");
    }
  });

  it("as a scheme it keeps the secret out of the object", async () => {
    const middleware = ncpSignatureV2Auth({ accessKey: "AK", secretKey: "SUPER-SECRET" });
    const { inspect } = await import("node:util");
    expect(inspect(middleware, { depth: 10, showHidden: true })).not.toContain("SUPER-SECRET");
    expect(JSON.stringify(middleware)).not.toContain("SUPER-SECRET");
  });
});
