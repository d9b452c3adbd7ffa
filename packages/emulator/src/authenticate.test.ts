import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "./server.js";
import {
  EXPIRED_TOKEN,
  FUNCTION_URN,
  HUAWEI,
  HUAWEI_TEMPORARY,
  huaweiSigned,
  json,
  NCP,
  NCP_DENIED,
  ncpSigned,
  OTHER_PROJECT,
  PROJECT,
  TOKEN,
  testSeed,
} from "./test-support.js";

// Authentication rules over HTTP, with requests signed by @fnapi/auth (an independent implementation).
// The emulator's clock is fixed so that the windows are exact.

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
let emu: Emulator;
const logLines: string[] = [];
beforeAll(async () => {
  emu = await startEmulator({ port: 0, seed: testSeed(), clock: () => NOW, log: (l) => logLines.push(l) });
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.reset();
  logLines.length = 0;
});

const pkgUrl = () => `${emu.url}/ncf/api/v2/packages/empty?platform=vpc`;
const fnUrl = () => `${emu.url}/v2/${PROJECT}/fgs/functions/${FUNCTION_URN}`;
const lastRecord = () => emu.requests().at(-1);

describe("NCP signature v2", () => {
  it("accepts a valid signature over the exact path and query, and every response has a Date", async () => {
    const r = await fetch(pkgUrl(), await ncpSigned(pkgUrl(), "DELETE", NCP, String(NOW)));
    expect(r.status).toBe(204);
    expect(r.headers.get("date")).toBe(new Date(NOW).toUTCString());
    expect(lastRecord()).toMatchObject({ authPassed: true, operation: "deletePackage", status: 204 });
  });

  it("refuses a signature over another query with 401 200, and logs the string to sign it computed", async () => {
    const init = await ncpSigned(`${emu.url}/ncf/api/v2/packages/empty`, "DELETE", NCP, String(NOW));
    const r = await fetch(pkgUrl(), init);
    expect(r.status).toBe(401);
    expect(await json(r)).toEqual({
      error: {
        errorCode: "200",
        message: "Authentication Failed",
        details: "Invalid authentication information.",
      },
    });
    expect(lastRecord()).toMatchObject({ authPassed: false, authReason: "signature mismatch", code: "200" });
    expect(lastRecord()?.signatureDebug?.stringToSign).toBe(
      `DELETE /ncf/api/v2/packages/empty?platform=vpc\n${NOW}\n${NCP.accessKey}`,
    );
    const log = logLines.join("\n");
    expect(log).toContain("string to sign:");
    expect(log).not.toContain(init.headers["x-ncp-apigw-signature-v2"]);
    expect(log).not.toContain(NCP.secretKey);
    expect(JSON.stringify(emu.requests())).not.toContain(init.headers["x-ncp-apigw-signature-v2"]);
  });

  it("refuses a timestamp 5 minutes or more away, and accepts one just inside", async () => {
    for (const [offset, status] of [
      [-5 * 60_000, 401],
      [5 * 60_000, 401],
      [-5 * 60_000 + 1, 204],
    ] as const) {
      emu.reset();
      const r = await fetch(pkgUrl(), await ncpSigned(pkgUrl(), "DELETE", NCP, String(NOW + offset)));
      expect(r.status, `offset ${offset}`).toBe(status);
    }
  });

  it("refuses missing headers, an unknown key and a wrong secret", async () => {
    const missing = await fetch(pkgUrl(), { method: "DELETE" });
    expect(missing.status).toBe(401);
    expect(await json(missing)).toMatchObject({
      error: { errorCode: "200", details: "Authentication information are missing." },
    });
    const unknown = await ncpSigned(pkgUrl(), "DELETE", { accessKey: "nobody", secretKey: "x" }, String(NOW));
    expect((await fetch(pkgUrl(), unknown)).status).toBe(401);
    const wrong = await ncpSigned(pkgUrl(), "DELETE", { ...NCP, secretKey: "wrong" }, String(NOW));
    expect((await fetch(pkgUrl(), wrong)).status).toBe(401);
  });

  it("answers 403 80002 for an operation on the credential's deny list, after authentication", async () => {
    const r = await fetch(pkgUrl(), await ncpSigned(pkgUrl(), "DELETE", NCP_DENIED, String(NOW)));
    expect(r.status).toBe(403);
    expect(await json(r)).toMatchObject({ error: { errorCode: "80002", message: "SUB_ACC_NO_PERMISSION" } });
    const get = `${emu.url}/ncf/api/v2/packages/empty`;
    expect((await fetch(get, await ncpSigned(get, "GET", NCP_DENIED, String(NOW)))).status).toBe(200);
  });
});

describe("Huawei SDK-HMAC-SHA256", () => {
  it("accepts a valid signature, with the URN's colons raw on the wire", async () => {
    const r = await fetch(fnUrl(), await huaweiSigned(fnUrl(), { time: NOW }));
    expect(r.status).toBe(204);
  });

  it("refuses a changed signed header with APIGW.0301 and logs the canonical request (secrets masked)", async () => {
    const init = await huaweiSigned(fnUrl(), { time: NOW, credentials: HUAWEI_TEMPORARY });
    init.headers["Content-Type"] = "application/json;charset=utf8";
    const r = await fetch(fnUrl(), init);
    expect(r.status).toBe(401);
    const body = (await json(r)) as Record<string, string>;
    expect(body).toMatchObject({ error_code: "APIGW.0301", request_id: r.headers.get("x-request-id") });
    expect(body.error_msg).toContain("verify aksk signature fail");
    const debug = lastRecord()?.signatureDebug;
    expect(debug?.canonicalRequest).toContain(
      `DELETE\n/v2/${PROJECT}/fgs/functions/urn%3Afss%3Acn-north-4%3A`,
    );
    expect(debug?.canonicalRequest).toContain("x-security-token:****");
    const log = logLines.join("\n");
    expect(log).toContain("canonical request:");
    expect(log).not.toContain(HUAWEI_TEMPORARY.securityToken);
    expect(log).not.toContain(init.headers.Authorization?.split("Signature=")[1]);
  });

  it("refuses X-Sdk-Date more than 15 minutes away, accepts 15 minutes exactly", async () => {
    expect(
      (await fetch(fnUrl(), await huaweiSigned(fnUrl(), { time: NOW - 15 * 60_000 - 1000 }))).status,
    ).toBe(401);
    expect(
      (await fetch(fnUrl(), await huaweiSigned(fnUrl(), { time: NOW + 15 * 60_000 + 1000 }))).status,
    ).toBe(401);
    expect((await fetch(fnUrl(), await huaweiSigned(fnUrl(), { time: NOW + 15 * 60_000 }))).status).toBe(204);
  });

  it("requires host to be signed", async () => {
    const { huaweiSign, huaweiSdkDate } = await import("@fnapi/auth");
    const headers = { "X-Sdk-Date": huaweiSdkDate(NOW), "X-Project-Id": PROJECT };
    const signature = await huaweiSign(HUAWEI, { method: "DELETE", url: fnUrl(), headers });
    const r = await fetch(fnUrl(), {
      method: "DELETE",
      headers: { ...headers, Authorization: signature.authorization },
    });
    expect(r.status).toBe(401);
    expect(lastRecord()?.authReason).toBe("host is not signed");
  });

  it("refuses an X-Project-Id that differs from the path's project", async () => {
    const r = await fetch(fnUrl(), await huaweiSigned(fnUrl(), { time: NOW, projectId: OTHER_PROJECT }));
    expect(r.status).toBe(401);
    expect(lastRecord()?.authReason).toBe("X-Project-Id differs from the path's project");
  });

  it("temporary credentials need their X-Security-Token, signed; permanent ones must not send one", async () => {
    expect(
      (await fetch(fnUrl(), await huaweiSigned(fnUrl(), { time: NOW, credentials: HUAWEI_TEMPORARY })))
        .status,
    ).toBe(204);
    emu.reset();
    const { securityToken: _, ...withoutToken } = HUAWEI_TEMPORARY;
    expect(
      (await fetch(fnUrl(), await huaweiSigned(fnUrl(), { time: NOW, credentials: withoutToken }))).status,
    ).toBe(401);
    const wrongToken = { ...HUAWEI_TEMPORARY, securityToken: "another" };
    expect(
      (await fetch(fnUrl(), await huaweiSigned(fnUrl(), { time: NOW, credentials: wrongToken }))).status,
    ).toBe(401);
    const permanentWithToken = { ...HUAWEI, securityToken: "x" };
    expect(
      (await fetch(fnUrl(), await huaweiSigned(fnUrl(), { time: NOW, credentials: permanentWithToken })))
        .status,
    ).toBe(401);
  });

  it("refuses a malformed Authorization and a request without credentials", async () => {
    const malformed = await fetch(fnUrl(), { method: "DELETE", headers: { Authorization: "Bearer x" } });
    expect(malformed.status).toBe(401);
    const none = await fetch(fnUrl(), { method: "DELETE" });
    expect(none.status).toBe(401);
    expect(await json(none)).toMatchObject({
      error_code: "APIGW.0301",
      error_msg: expect.stringContaining("x-auth-token"),
    });
  });
});

describe("X-Auth-Token", () => {
  it("accepts a seeded token, refuses an unknown or expired one", async () => {
    expect(
      (await fetch(fnUrl(), { method: "DELETE", headers: { "X-Auth-Token": "MIIunknown" } })).status,
    ).toBe(401);
    const expired = await fetch(fnUrl(), { method: "DELETE", headers: { "X-Auth-Token": EXPIRED_TOKEN } });
    expect(expired.status).toBe(401);
    expect(lastRecord()?.authReason).toMatch(/^token expired/);
    expect((await fetch(fnUrl(), { method: "DELETE", headers: { "X-Auth-Token": TOKEN } })).status).toBe(204);
    expect(JSON.stringify(emu.requests())).not.toContain(TOKEN);
  });
});

describe("auth off", () => {
  it("accepts any credentials, or none, but still applies a known key's deny list", async () => {
    const off = await startEmulator({ port: 0, seed: testSeed(), auth: "off" });
    try {
      expect(
        (await fetch(`${off.url}/v2/${PROJECT}/fgs/functions/${FUNCTION_URN}`, { method: "DELETE" })).status,
      ).toBe(204);
      const url = `${off.url}/ncf/api/v2/packages/empty`;
      const denied = await fetch(url, {
        method: "DELETE",
        headers: { "x-ncp-iam-access-key": NCP_DENIED.accessKey },
      });
      expect(denied.status).toBe(403);
      expect(
        (await fetch(url, { method: "DELETE", headers: { "x-ncp-iam-access-key": "whatever" } })).status,
      ).toBe(204);
      expect(off.requests().at(-1)).toMatchObject({ authPassed: true, authReason: "auth off" });
    } finally {
      await off.close();
    }
  });
});
