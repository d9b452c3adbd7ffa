import { createHmac } from "node:crypto";
import { inspect } from "node:util";
import { type Answer, json, observedBody, scriptedFetch } from "@fnapi/runtime/testing";
import { describe, expect, it, vi } from "vitest";
import { NcfApiError } from "../errors.js";
import { createNcfClient, RedirectError, ValidationError } from "../index.js";
import { NCF_BASE_URLS, type NcfClientCommonOptions } from "../ncf.js";

const accessKey = "ncp_iam_EXAMPLEACCESSKEY";
const secretKey = "EXAMPLE/SECRET+KEY0123";
const NOW = 1_700_000_000_000;
const packageUrl = (name: string, platform = "vpc") =>
  `${NCF_BASE_URLS.korea}/packages/${name}?platform=${platform}`;

function client(answers: Answer[], options: Partial<NcfClientCommonOptions> = {}) {
  const scripted = scriptedFetch(...answers);
  const ncf = createNcfClient({
    accessKey,
    secretKey,
    api: "v2.1",
    fetch: scripted.fetch,
    clock: () => NOW,
    backoff: { baseMs: 0, maxMs: 0 },
    ...options,
  });
  return { ncf, calls: scripted.calls };
}
const ok = () => new Response(null, { status: 204 });
const ncfError = (status: number, errorCode: string | number, message: string, details?: string) =>
  json(status, { error: { errorCode, message, ...(details ? { details } : {}) } });
const signatureOf = (target: string, timestamp: number) =>
  createHmac("sha256", secretKey).update(`DELETE ${target}\n${timestamp}\n${accessKey}`).digest("base64");

describe("deletePackage", () => {
  it("sends a signed DELETE for the package, platform vpc by default", async () => {
    const { ncf, calls } = client([ok()]);
    await expect(ncf.deletePackage("package001")).resolves.toMatchObject({ alreadyGone: false });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call).toMatchObject({ method: "DELETE", url: packageUrl("package001") });
    expect(call?.headers.get("x-ncp-apigw-timestamp")).toBe(String(NOW));
    expect(call?.headers.get("x-ncp-iam-access-key")).toBe(accessKey);
    expect(call?.headers.get("x-ncp-apigw-signature-v2")).toBe(
      signatureOf("/ncf/api/v2/packages/package001?platform=vpc", NOW),
    );
    expect(call?.init.redirect).toBe("manual");
  });

  it("sends the platform it is given", async () => {
    const { ncf, calls } = client([ok()]);
    await ncf.deletePackage("_pkg-1", { platform: "classic" });
    expect(calls[0]?.url).toBe(packageUrl("_pkg-1", "classic"));
  });

  it("resolves on any 2xx without reading the body", async () => {
    const { stream, seen } = observedBody();
    const { ncf } = client([() => new Response(stream, { status: 200 })]);
    await expect(ncf.deletePackage("package001")).resolves.toMatchObject({ alreadyGone: false });
    expect(seen.cancelled).toBe(true);
    expect(seen.pulls).toBe(0);
  });

  it.each([
    ["", /packageName is empty/],
    ["../x", /packageName "\.\.\/x" contains "\."/],
    ["a".repeat(51), /packageName is 51 characters long/],
  ])("refuses the package name %j before sending anything", async (name, message) => {
    const { ncf, calls } = client([ok()]);
    await expect(ncf.deletePackage(name)).rejects.toThrow(message);
    await expect(ncf.deletePackage(name)).rejects.toBeInstanceOf(ValidationError);
    expect(calls).toHaveLength(0);
  });

  it("refuses an unknown platform before sending anything", async () => {
    const { ncf, calls } = client([ok()]);
    await expect(ncf.deletePackage("package001", { platform: "gov" as "vpc" })).rejects.toThrow(
      /platform is "gov"; it must be "vpc" or "classic"/,
    );
    expect(calls).toHaveLength(0);
  });

  it("maps the NCF error body and the trace id header to NcfApiError", async () => {
    const { ncf } = client([
      json(
        409,
        { error: { errorCode: 80109, message: "PACKAGE_HAS_ACTIONS", details: "delete its actions first" } },
        { headers: { "x-ncp-trace-id": "trace-1" } },
      ),
    ]);
    const error = await ncf.deletePackage("package001").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NcfApiError);
    expect(error).toMatchObject({
      name: "NcfApiError",
      status: 409,
      code: "80109",
      message: "PACKAGE_HAS_ACTIONS",
      details: "delete its actions first",
      requestId: "trace-1",
      method: "DELETE",
      url: packageUrl("package001"),
      attempts: 1,
    });
  });

  describe("missingOk", () => {
    it("resolves when the package is already gone (404/80101)", async () => {
      const { ncf } = client([ncfError(404, "80101", "PACKAGE_NOT_FOUND")]);
      await expect(ncf.deletePackage("package001", { missingOk: true })).resolves.toMatchObject({
        alreadyGone: true,
        attempts: 1,
      });
    });

    it("still throws for a 404 with another code, and without missingOk", async () => {
      const other = client([ncfError(404, "100", "Not Found Exception")]);
      await expect(other.ncf.deletePackage("package001", { missingOk: true })).rejects.toMatchObject({
        status: 404,
        code: "100",
      });
      const strict = client([ncfError(404, 80101, "PACKAGE_NOT_FOUND")]);
      await expect(strict.ncf.deletePackage("package001")).rejects.toMatchObject({ code: "80101" });
    });
  });

  it("retries 5xx and 429 (DELETE is idempotent), signing every attempt afresh", async () => {
    let now = NOW;
    const { ncf, calls } = client([ncfError(503, "503", "busy"), ncfError(429, "429", "slow down"), ok()], {
      clock: () => now++,
    });
    await ncf.deletePackage("package001");
    expect(calls).toHaveLength(3);
    const timestamps = calls.map((c) => c.headers.get("x-ncp-apigw-timestamp"));
    expect(new Set(timestamps).size).toBe(3);
  });

  it("gives up after maxAttempts with the last error", async () => {
    const { ncf, calls } = client([ncfError(503, "503", "busy")], { maxAttempts: 2 });
    await expect(ncf.deletePackage("package001")).rejects.toMatchObject({ status: 503, attempts: 2 });
    expect(calls).toHaveLength(2);
  });

  it("a hostile error body makes a plain NcfApiError, not a retried TypeError", async () => {
    const { ncf, calls } = client([json(400, { error: { errorCode: { toString: 1 }, message: ["x"] } })]);
    const error = await ncf.deletePackage("package001").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NcfApiError);
    expect(error).toMatchObject({ status: 400, code: undefined, attempts: 1 });
    expect(calls).toHaveLength(1);
  });

  it("refuses a redirect without following it", async () => {
    const { ncf, calls } = client([
      new Response(null, { status: 308, headers: { location: "https://evil.example/packages/package001" } }),
    ]);
    await expect(ncf.deletePackage("package001")).rejects.toBeInstanceOf(RedirectError);
    expect(calls).toHaveLength(1);
  });

  describe("clock skew", () => {
    it("after a 401 whose Date is 10 minutes ahead, signs once more with the server's time", async () => {
      const serverNow = NOW + 10 * 60_000;
      const { ncf, calls } = client(
        [
          json(
            401,
            { error: { errorCode: "200", message: "Authentication Failed" } },
            {
              headers: { date: new Date(serverNow).toUTCString() },
            },
          ),
          ok(),
        ],
        { maxAttempts: 1 },
      );
      await ncf.deletePackage("package001");
      expect(calls).toHaveLength(2);
      expect(calls[1]?.headers.get("x-ncp-apigw-timestamp")).toBe(String(serverNow));
      expect(calls[1]?.headers.get("x-ncp-apigw-signature-v2")).toBe(
        signatureOf("/ncf/api/v2/packages/package001?platform=vpc", serverNow),
      );
    });

    it("ignores an absurd Date (year 275760): one attempt, and the client still signs after", async () => {
      const { ncf, calls } = client([
        json(
          401,
          { error: { errorCode: "200", message: "Authentication Failed" } },
          {
            headers: { date: "Sat, 13 Sep 275760 00:00:00 GMT" },
          },
        ),
        ok(),
      ]);
      await expect(ncf.deletePackage("package001")).rejects.toMatchObject({ status: 401, attempts: 1 });
      await expect(ncf.deletePackage("package001")).resolves.toMatchObject({ alreadyGone: false });
      expect(calls[1]?.headers.get("x-ncp-apigw-timestamp")).toBe(String(NOW));
    });
  });

  it("keeps the secret key and the signature out of every error surface and log line", async () => {
    const signature = signatureOf("/ncf/api/v2/packages/package001?platform=vpc", NOW);
    const logger = vi.fn();
    const { ncf } = client(
      [
        (call) =>
          json(
            403,
            {
              error: { errorCode: "300", message: `denied ${call.headers.get("x-ncp-apigw-signature-v2")}` },
              echo: Object.fromEntries(call.headers),
              key: encodeURIComponent(secretKey),
            },
            { statusText: `Forbidden ${signature}` } as ResponseInit,
          ),
      ],
      { logger },
    );
    const error = await ncf.deletePackage("package001").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NcfApiError);
    const shown = [
      String(error),
      (error as Error).stack,
      JSON.stringify(error),
      inspect(error, { depth: 5 }),
      (error as NcfApiError).body,
      JSON.stringify(logger.mock.calls),
      inspect(ncf, { depth: 5 }),
    ].join("\n");
    for (const secret of [
      secretKey,
      signature,
      encodeURIComponent(secretKey),
      secretKey.replaceAll("/", "\\/"),
    ]) {
      expect(shown).not.toContain(secret);
    }
    expect((error as NcfApiError).body).toContain("[REDACTED]");
  });
});
