import { createHash, createHmac } from "node:crypto";
import { inspect } from "node:util";
import { type Answer, json, observedBody, scriptedFetch } from "@fnapi/runtime/testing";
import { describe, expect, it } from "vitest";
import type { FgsClientOptions } from "../create-fgs-client.js";
import { FgsApiError, isGone } from "../errors.js";
import { createFgsClient, RedirectError, ValidationError } from "../index.js";
import { formatFunctionUrn } from "../urn.js";

const projectId = "7aad83af3e8d42e99ac194e8419e2c9b";
const region = "cn-north-4";
const host = `https://functiongraph.${region}.myhuaweicloud.com`;
const urn = formatFunctionUrn({ region, projectId, name: "hello" });
const functionUrl = (u: string) => `${host}/v2/${projectId}/fgs/functions/${u}`;
const NOW = Date.parse("2026-01-01T00:00:00Z");
const keys = { accessKey: "HPUAEXAMPLEAK", secretKey: "EXAMPLE/SECRET+KEY=" };

function client(answers: Answer[], options: Partial<FgsClientOptions> = { token: "MIItoken-value" }) {
  const scripted = scriptedFetch(...answers);
  const fgs = createFgsClient({
    projectId,
    region,
    fetch: scripted.fetch,
    backoff: { baseMs: 0, maxMs: 0 },
    ...options,
  } as FgsClientOptions);
  return { fgs, calls: scripted.calls };
}
const ok = () => new Response(null, { status: 204 });
const fgsError = (status: number, error_code: string, error_msg: string, extra: object = {}) =>
  json(status, { error_code, error_msg, ...extra });

describe("deleteFunction", () => {
  it("sends DELETE with the URN's colons raw and the token in X-Auth-Token", async () => {
    const { fgs, calls } = client([ok()]);
    await expect(fgs.deleteFunction(urn)).resolves.toMatchObject({ alreadyGone: false });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: "DELETE", url: functionUrl(urn) });
    expect(calls[0]?.url).toContain(`functions/urn:fss:${region}:`);
    expect(calls[0]?.headers.get("x-auth-token")).toBe("MIItoken-value");
    expect(calls[0]?.headers.get("content-type")).toBe("application/json");
    expect(calls[0]?.init.redirect).toBe("manual");
  });

  it("deletes a version or an alias with an 8-field URN", async () => {
    const { fgs, calls } = client([ok()]);
    await fgs.deleteFunction(`${urn}:v1`);
    await fgs.deleteFunction(`${urn}:!prod`);
    expect(calls.map((c) => c.url)).toEqual([functionUrl(`${urn}:v1`), functionUrl(`${urn}:!prod`)]);
  });

  it("signs with AK/SK: X-Project-Id, X-Sdk-Date and an Authorization over exactly those headers", async () => {
    const { fgs, calls } = client([ok()], { ...keys, clock: () => NOW });
    await fgs.deleteFunction(urn);
    const headers = calls[0]?.headers ?? new Headers();
    expect(headers.get("x-project-id")).toBe(projectId);
    expect(headers.get("x-sdk-date")).toBe("20260101T000000Z");
    expect(headers.get("x-auth-token")).toBeNull();
    const canonical = [
      "DELETE",
      `/v2/${projectId}/fgs/functions/${urn.replaceAll(":", "%3A")}/`,
      "",
      `content-type:application/json\nhost:functiongraph.${region}.myhuaweicloud.com\nx-project-id:${projectId}\nx-sdk-date:20260101T000000Z\n`,
      "content-type;host;x-project-id;x-sdk-date",
      createHash("sha256").update("").digest("hex"),
    ].join("\n");
    const toSign = `SDK-HMAC-SHA256\n20260101T000000Z\n${createHash("sha256").update(canonical).digest("hex")}`;
    const signature = createHmac("sha256", keys.secretKey).update(toSign).digest("hex");
    expect(headers.get("authorization")).toBe(
      `SDK-HMAC-SHA256 Access=${keys.accessKey}, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=${signature}`,
    );
  });

  it("sends and signs X-Security-Token with temporary credentials", async () => {
    const { fgs, calls } = client([ok()], { ...keys, securityToken: "SECURITY-TOKEN-value" });
    await fgs.deleteFunction(urn);
    expect(calls[0]?.headers.get("x-security-token")).toBe("SECURITY-TOKEN-value");
    expect(calls[0]?.headers.get("authorization")).toContain(
      "SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token",
    );
  });

  it("resolves on any 2xx without reading the body", async () => {
    const { stream, seen } = observedBody();
    const { fgs } = client([() => new Response(stream, { status: 200 })]);
    await expect(fgs.deleteFunction(urn)).resolves.toMatchObject({ alreadyGone: false });
    expect(seen.cancelled).toBe(true);
    expect(seen.pulls).toBe(0);
  });

  describe("refuses before sending anything", () => {
    it.each([
      [
        `urn:fss:${region}:${"f".repeat(32)}:function:default:hello`,
        /names project f{32}; it must belong to the client's project/,
      ],
      [
        `urn:fss:ap-southeast-1:${projectId}:function:default:hello`,
        /names region ap-southeast-1; it must be in the client's region cn-north-4/,
      ],
      [`${urn}:latest`, /names the version latest, which cannot be deleted/],
      [`${urn}:te/st`, /functionUrn version "te\/st" is invalid/],
      ["hello", /has 1 ":"-separated fields/],
    ])("the URN %s", async (bad, message) => {
      const { fgs, calls } = client([ok()]);
      const error = await fgs.deleteFunction(bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toMatch(message);
      expect(calls).toHaveLength(0);
    });

    it("does not check the region against a custom host", async () => {
      const { fgs, calls } = client([ok()], { token: "MIItoken-value", baseUrl: "http://127.0.0.1:4010" });
      await fgs.deleteFunction(`urn:fss:ap-southeast-1:${projectId}:function:default:hello`);
      expect(calls[0]?.url).toBe(
        `http://127.0.0.1:4010/v2/${projectId}/fgs/functions/urn:fss:ap-southeast-1:${projectId}:function:default:hello`,
      );
    });
  });

  it("maps the FunctionGraph error body to FgsApiError", async () => {
    const { fgs } = client([fgsError(404, "FSS.1051", "Not found the function", { request_id: "req-body" })]);
    const error = await fgs.deleteFunction(urn).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FgsApiError);
    expect(error).toMatchObject({
      name: "FgsApiError",
      status: 404,
      code: "FSS.1051",
      message: "Not found the function",
      requestId: "req-body",
      method: "DELETE",
      url: functionUrl(urn),
      attempts: 1,
    });
  });

  it("takes the request id from X-Request-Id when the body has none", async () => {
    const { fgs } = client([
      fgsError(403, "APIGW.0301", "Incorrect IAM authentication information", {}),
      json(403, { error_code: "APIGW.0301", error_msg: "x" }, { headers: { "x-request-id": "req-header" } }),
    ]);
    await expect(fgs.deleteFunction(urn)).rejects.toMatchObject({ requestId: undefined });
    await expect(fgs.deleteFunction(urn)).rejects.toMatchObject({ requestId: "req-header" });
  });

  describe("missingOk", () => {
    it.each(["FSS.1051", "FSS.1052", "FSS.1053"])("resolves on 404 %s", async (code) => {
      const { fgs } = client([fgsError(404, code, "gone")]);
      await expect(fgs.deleteFunction(urn, { missingOk: true })).resolves.toMatchObject({
        alreadyGone: true,
        attempts: 1,
      });
    });

    it("resolves to what happened, and isGone names exactly the already-gone answers", async () => {
      const { fgs } = client([
        new Response(null, { status: 204, headers: { "x-request-id": "req-ok" } }),
        fgsError(404, "FSS.1051", "gone"),
        fgsError(404, "FSS.0404", "other"),
      ]);
      expect(await fgs.deleteFunction(urn)).toEqual({ alreadyGone: false, attempts: 1, requestId: "req-ok" });
      const gone = await fgs.deleteFunction(urn).catch((e: unknown) => e);
      expect(isGone(gone)).toBe(true);
      const other = await fgs.deleteFunction(urn).catch((e: unknown) => e);
      expect(other).toBeInstanceOf(FgsApiError);
      expect(isGone(other)).toBe(false);
      expect(isGone({ status: 404, code: "FSS.1051" })).toBe(false);
    });

    it("still throws for another 404, and without missingOk", async () => {
      const other = client([fgsError(404, "APIGW.0101", "The API does not exist")]);
      await expect(other.fgs.deleteFunction(urn, { missingOk: true })).rejects.toMatchObject({
        code: "APIGW.0101",
      });
      const strict = client([fgsError(404, "FSS.1051", "gone")]);
      await expect(strict.fgs.deleteFunction(urn)).rejects.toMatchObject({ code: "FSS.1051" });
    });
  });

  it("retries 5xx (DELETE is idempotent) up to maxAttempts", async () => {
    const { fgs, calls } = client([fgsError(500, "FSS.0500", "internal")]);
    await expect(fgs.deleteFunction(urn)).rejects.toMatchObject({ status: 500, attempts: 3 });
    expect(calls).toHaveLength(3);
  });

  it("refuses a redirect without following it", async () => {
    const { fgs, calls } = client([
      new Response(null, { status: 302, headers: { location: "https://evil.example/" } }),
    ]);
    await expect(fgs.deleteFunction(urn)).rejects.toBeInstanceOf(RedirectError);
    expect(calls).toHaveLength(1);
  });

  describe("after a 401", () => {
    it("with a token provider: drops the rejected token and tries once more with a fresh one", async () => {
      let issued = 0;
      const { fgs, calls } = client([fgsError(401, "APIGW.0307", "The token must be updated"), ok()], {
        token: async () => `MIItoken-${++issued}`,
        maxAttempts: 1,
      });
      await fgs.deleteFunction(urn);
      expect(calls.map((c) => c.headers.get("x-auth-token"))).toEqual(["MIItoken-1", "MIItoken-2"]);
    });

    it("with a fixed token: gives up at once", async () => {
      const { fgs, calls } = client([fgsError(401, "APIGW.0307", "The token must be updated")]);
      await expect(fgs.deleteFunction(urn)).rejects.toMatchObject({ status: 401, attempts: 1 });
      expect(calls).toHaveLength(1);
    });

    it("with AK/SK: adopts the server's clock when its Date is off, and ignores an absurd one", async () => {
      const serverNow = NOW + 30 * 60_000;
      const unauthorizedAt = (date: string) =>
        json(
          401,
          { error_code: "APIGW.0303", error_msg: "Incorrect app authentication" },
          { headers: { date } },
        );
      const skewed = client([unauthorizedAt(new Date(serverNow).toUTCString()), ok()], {
        ...keys,
        clock: () => NOW,
      });
      await skewed.fgs.deleteFunction(urn);
      expect(skewed.calls.map((c) => c.headers.get("x-sdk-date"))).toEqual([
        "20260101T000000Z",
        "20260101T003000Z",
      ]);

      const absurd = client([unauthorizedAt("Sat, 13 Sep 275760 00:00:00 GMT"), ok()], {
        ...keys,
        clock: () => NOW,
      });
      await expect(absurd.fgs.deleteFunction(urn)).rejects.toMatchObject({ status: 401, attempts: 1 });
      await expect(absurd.fgs.deleteFunction(urn)).resolves.toMatchObject({ alreadyGone: false });
      expect(absurd.calls[1]?.headers.get("x-sdk-date")).toBe("20260101T000000Z");
    });
  });

  it("keeps the secret key, security token and signature out of every error surface", async () => {
    const { fgs } = client(
      [
        (call) =>
          json(
            401,
            {
              error_code: "APIGW.0301",
              error_msg: `bad signature ${call.headers.get("authorization")?.split("Signature=")[1]}`,
              echo: Object.fromEntries(call.headers),
            },
            { statusText: `Unauthorized ${call.headers.get("x-security-token")}` } as ResponseInit,
          ),
      ],
      { ...keys, securityToken: "SECURITY/TOKEN+value", clock: () => NOW },
    );
    const error = (await fgs.deleteFunction(urn).catch((e: unknown) => e)) as FgsApiError;
    expect(error).toBeInstanceOf(FgsApiError);
    const shown = [
      String(error),
      error.stack,
      JSON.stringify(error),
      inspect(error, { depth: 5 }),
      error.body,
    ].join("\n");
    for (const secret of [keys.secretKey, "SECURITY/TOKEN+value", "SECURITY\\/TOKEN+value"]) {
      expect(shown).not.toContain(secret);
    }
    expect(shown).not.toMatch(/Signature=[0-9a-f]{64}/);
    expect(error.message).toBe("bad signature [REDACTED]");
  });
});
