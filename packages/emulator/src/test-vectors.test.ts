import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { authenticateAkSk } from "./apis/fgs/auth.js";
import {
  canonicalQueryString,
  canonicalUri,
  huaweiCanonical,
  huaweiSignature,
  parseHuaweiAuthorization,
  parseSdkDate,
} from "./apis/fgs/signature.js";
import { authenticateNcp } from "./apis/ncf/auth.js";
import { ncpSignature, ncpStringToSign } from "./apis/ncf/signature.js";
import type { ReceivedRequest } from "./auth-common.js";
import { parseSeed } from "./seed.js";

// Every vector of specs/test-vectors through the emulator's own verifier: the intermediate strings, the
// signature, and a whole request accepted at the vector's time (or refused for the emulator's stricter rule).

const specsDir = dirname(createRequire(import.meta.url).resolve("@fnapi/specs/package.json"));
interface Vector {
  id: string;
  input: {
    method: string;
    url: string;
    headers?: Record<string, string>;
    body: string;
    credentials: { accessKey: string; secretKey: string; securityToken?: string };
    timestamp?: string;
    time?: string;
  };
  intermediate: Record<string, string>;
  expected: { signature?: string; headers: Record<string, string> };
}
const vectors = (file: string): Vector[] =>
  JSON.parse(readFileSync(join(specsDir, "test-vectors", file), "utf8")).vectors;

function received(v: Vector, headers: Record<string, string>): ReceivedRequest {
  const url = new URL(v.input.url);
  // The raw target as it went on the wire (URL keeps the percent-encoding and raw colons of the vector).
  const target = v.input.url.slice(v.input.url.indexOf(url.host) + url.host.length);
  const q = target.indexOf("?");
  return {
    method: v.input.method,
    target,
    rawPath: q === -1 ? target : target.slice(0, q),
    rawQuery: q === -1 ? "" : target.slice(q + 1),
    headers: Object.fromEntries(Object.entries(headers).map(([k, value]) => [k.toLowerCase(), value])),
    body: Buffer.from(v.input.body),
  };
}

describe("NCP signature v2 vectors", () => {
  for (const v of vectors("ncp-signature-v2.json")) {
    it(v.id, () => {
      const request = received(v, v.expected.headers);
      const stringToSign = ncpStringToSign(
        v.input.method,
        request.target,
        v.input.timestamp as string,
        v.input.credentials.accessKey,
      );
      expect(request.target).toBe(v.intermediate.requestTarget);
      expect(stringToSign).toBe(v.intermediate.stringToSign);
      expect(ncpSignature(v.input.credentials.secretKey, stringToSign)).toBe(
        v.expected.headers["x-ncp-apigw-signature-v2"],
      );

      const state = parseSeed({ ncp: { credentials: [v.input.credentials] } });
      const now = Number(v.input.timestamp);
      expect(authenticateNcp(request, { state, now })).toMatchObject({ ok: true });
      expect(authenticateNcp(request, { state, now: now + 5 * 60_000 })).toMatchObject({ ok: false });
      const tampered = { ...request, target: `${request.target}x` };
      expect(authenticateNcp(tampered, { state, now })).toMatchObject({
        ok: false,
        reason: "signature mismatch",
      });
    });
  }
});

describe("Huawei SDK-HMAC-SHA256 vectors", () => {
  for (const v of vectors("huawei-sdk-hmac-sha256.json")) {
    it(v.id, () => {
      const headers = { ...v.input.headers, ...v.expected.headers };
      const request = received(v, headers);
      const auth = parseHuaweiAuthorization(v.expected.headers.Authorization as string);
      expect(auth?.accessKey).toBe(v.input.credentials.accessKey);
      expect(canonicalUri(request.rawPath)).toBe(v.intermediate.canonicalUri);
      expect(canonicalQueryString(request.rawQuery)).toBe(v.intermediate.canonicalQueryString);
      const canonical = huaweiCanonical(
        { ...request, signedHeaders: auth?.signedHeaders ?? [] },
        v.expected.headers["X-Sdk-Date"] as string,
      );
      expect(canonical.canonicalRequest).toBe(v.intermediate.canonicalRequest);
      expect(canonical.stringToSign).toBe(v.intermediate.stringToSign);
      expect(huaweiSignature(v.input.credentials.secretKey, canonical.stringToSign)).toBe(
        v.expected.signature,
      );

      const state = parseSeed({ huawei: { credentials: [v.input.credentials] } });
      const now = parseSdkDate(v.input.time as string) as number;
      const projectId = request.headers["x-project-id"];
      const outcome = authenticateAkSk(request, { state, now, projectId });
      if (auth?.signedHeaders.includes("host")) expect(outcome).toMatchObject({ ok: true });
      // The emulator requires `host` to be signed, as the gateway's SDKs always do it.
      else expect(outcome).toMatchObject({ ok: false, reason: "host is not signed" });
      expect(authenticateAkSk(request, { state, now: now + 16 * 60_000, projectId })).toMatchObject({
        ok: false,
      });
    });
  }
});
