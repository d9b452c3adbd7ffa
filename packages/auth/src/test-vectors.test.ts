import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { webCrypto } from "./crypto.js";
import {
  canonicalHeaders,
  canonicalQueryString,
  canonicalUri,
  parseHuaweiSdkDate,
} from "./huawei-canonical.js";
import { createHuaweiSigner, huaweiSign } from "./huawei-sdk-hmac-sha256.js";
import { createNcpSigner, ncpSignature, ncpStringToSign } from "./ncp-signature-v2.js";
import { requestTarget } from "./request-target.js";
import { nodeCrypto } from "./server/node-crypto.js";

// Runs every vector of specs/test-vectors (made by an independent node:crypto implementation,
// specs/scripts/generate-test-vectors.mjs) through both of this package's crypto implementations: Web Crypto
// (the web build) and node:crypto (the server build). Both must give the same bytes.
const implementations = [
  ["Web Crypto", webCrypto],
  ["node:crypto", nodeCrypto],
] as const;

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../specs/test-vectors/${name}`, import.meta.url), "utf8"));

interface NcpVector {
  id: string;
  source: string;
  input: {
    method: string;
    url: string;
    credentials: { accessKey: string; secretKey: string };
    timestamp: string;
  };
  intermediate: { requestTarget: string; stringToSign: string };
  expected: { headers: Record<string, string> };
}
interface HuaweiVector {
  id: string;
  source: string;
  input: {
    method: string;
    url: string;
    headers: Record<string, string>;
    credentials: { accessKey: string; secretKey: string; securityToken?: string };
    time: string;
  };
  intermediate: Record<string, string>;
  expected: { signature: string; headers: Record<string, string> };
}

const ncp: NcpVector[] = load("ncp-signature-v2.json").vectors;
const huawei: HuaweiVector[] = load("huawei-sdk-hmac-sha256.json").vectors;

// What does not depend on the crypto implementation runs once: the vector sets' coverage and the
// canonicalisation steps.
describe("the test vectors, independent of the crypto implementation", () => {
  // Each claim of coverage is checked on the vector's content, not only its id: a vector edited so that it no
  // longer covers what it is named for (a query dropped, an alias turned into a version) fails here.
  const byId = <V extends { id: string }>(vectors: V[], id: string): V => {
    const vector = vectors.find((v) => v.id === id);
    if (!vector) throw new Error(`vector ${id} is missing`);
    return vector;
  };
  const ncpTarget = (id: string) => requestTarget(byId(ncp, id).input.url);

  it("include the published ones and cover a query, no query and percent-encoding", () => {
    for (const vector of ncp.filter((v) => v.id.startsWith("ncp-delete-package-with"))) {
      expect(vector.source).toMatch(/^published/);
    }
    expect(byId(ncp, "ncp-reference-get-photos").source).toMatch(/^published/);
    expect(ncpTarget("ncp-delete-package-with-query")).toMatch(
      /^\/ncf\/api\/v2\/packages\/[^?]+\?platform=vpc$/,
    );
    expect(byId(ncp, "ncp-delete-package-with-query").intermediate.stringToSign).toContain("?platform=vpc");
    expect(ncpTarget("ncp-delete-package-without-query")).not.toContain("?");
    expect(byId(ncp, "ncp-delete-package-without-query").intermediate.stringToSign).not.toContain("?");
    // percent-encoding in the path and in the query, kept as sent (NCP signs the request target as is)
    const encoded = ncpTarget("ncp-percent-encoded-target");
    expect(encoded).toMatch(/\/packages\/[^/?]*%[0-9A-F]{2}[^?]*\?.*%[0-9A-F]{2}/);
    expect(byId(ncp, "ncp-percent-encoded-target").intermediate.stringToSign).toContain(encoded);
  });

  it("cover the published examples, a function, a version, an alias and temporary credentials", () => {
    for (const id of ["huawei-guide-get-vpcs", "huawei-go-sdk-test1"]) {
      expect(byId(huawei, id).source).toMatch(/^published/);
    }
    /** The URN a FunctionGraph delete vector names, split into its fields. */
    const urnFields = (id: string) => {
      const vector = byId(huawei, id);
      expect(vector.input.method).toBe("DELETE");
      const match = /\/v2\/[0-9a-f]{32}\/fgs\/functions\/(urn:fss:[^?]+)$/.exec(
        new URL(vector.input.url).pathname,
      );
      expect(match, `${id} deletes a function by URN`).not.toBeNull();
      return (match?.[1] ?? "").split(":");
    };
    expect(urnFields("fgs-delete-function")).toHaveLength(7);
    const version = urnFields("fgs-delete-version");
    expect(version).toHaveLength(8);
    expect(version[7]).toMatch(/^(v\d|\d)/);
    const alias = urnFields("fgs-delete-alias");
    expect(alias).toHaveLength(8);
    expect(alias[7]).toMatch(/^!/);
    const temporary = byId(huawei, "fgs-delete-temporary-credentials");
    expect(temporary.input.credentials.securityToken).toBeTruthy();
    expect(temporary.intermediate.signedHeaders).toContain("x-security-token");
    expect(
      temporary.expected.headers["X-Security-Token"] ?? temporary.expected.headers["x-security-token"],
    ).toBe(temporary.input.credentials.securityToken);
  });

  it.each(huawei)("$id: canonicalisation steps", (vector) => {
    const url = new URL(vector.input.url);
    expect(canonicalUri(url.pathname)).toBe(vector.intermediate.canonicalUri);
    expect(canonicalQueryString(url.search)).toBe(vector.intermediate.canonicalQueryString);
    const headers: Record<string, string> = { ...vector.input.headers, "X-Sdk-Date": vector.input.time };
    if (vector.input.credentials.securityToken)
      headers["X-Security-Token"] = vector.input.credentials.securityToken;
    const canonical = canonicalHeaders(Object.entries(headers));
    expect(canonical.canonical).toBe(vector.intermediate.canonicalHeaders);
    expect(canonical.signed).toBe(vector.intermediate.signedHeaders);
  });
});

// Everything that computes a hash or an HMAC runs through each implementation.
describe.each(implementations)("%s", (_, crypto) => {
  describe("NCP signature v2 test vectors", () => {
    it.each(ncp)("$id", async (vector) => {
      const { method, url, credentials, timestamp } = vector.input;
      expect(requestTarget(url)).toBe(vector.intermediate.requestTarget);
      expect(ncpStringToSign(method, requestTarget(url), timestamp, credentials.accessKey)).toBe(
        vector.intermediate.stringToSign,
      );
      expect(await ncpSignature(credentials.secretKey, vector.intermediate.stringToSign, crypto)).toBe(
        vector.expected.headers["x-ncp-apigw-signature-v2"],
      );
      // The signer refuses keys that are not printable ASCII (real keys are; a stray newline is a paste
      // error), so the non-ASCII vector runs through the pure function only.
      if (!/^[\x20-\x7e]+$/.test(credentials.secretKey)) return;
      const signer = createNcpSigner(credentials, { clock: () => Number(timestamp), crypto });
      expect(await signer.headersFor(method, url)).toEqual(vector.expected.headers);
    });
  });

  describe("Huawei SDK-HMAC-SHA256 test vectors", () => {
    it.each(huawei)("$id: pure function", async (vector) => {
      const headers: Record<string, string> = { ...vector.input.headers, "X-Sdk-Date": vector.input.time };
      if (vector.input.credentials.securityToken)
        headers["X-Security-Token"] = vector.input.credentials.securityToken;
      const signed = await huaweiSign(
        vector.input.credentials,
        { method: vector.input.method, url: vector.input.url, headers },
        crypto,
      );
      expect(signed.canonicalRequest).toBe(vector.intermediate.canonicalRequest);
      expect(signed.canonicalRequestSha256).toBe(vector.intermediate.canonicalRequestSha256);
      expect(signed.stringToSign).toBe(vector.intermediate.stringToSign);
      expect(signed.signature).toBe(vector.expected.signature);
      expect(signed.authorization).toBe(vector.expected.headers.Authorization);
    });

    // The request signer adds Host from the URL itself, so vectors that sign Host run through it too.
    const withHost = huawei.filter((v) =>
      Object.keys(v.input.headers).some((h) => h.toLowerCase() === "host"),
    );
    it.each(withHost)("$id: request signer", async (vector) => {
      const headers = Object.fromEntries(
        Object.entries(vector.input.headers).filter(([h]) => h.toLowerCase() !== "host"),
      );
      const request = new Request(vector.input.url, { method: vector.input.method, headers });
      const signer = createHuaweiSigner(vector.input.credentials, {
        clock: () => parseHuaweiSdkDate(vector.input.time),
        crypto,
      });
      await signer.sign(request);
      for (const [name, value] of Object.entries(vector.expected.headers))
        expect(request.headers.get(name)).toBe(value);
    });
  });
});
