import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_SKEW_MS } from "./clock-skew.js";
import { huaweiAkSkAuth } from "./huawei-aksk-auth.js";
import { huaweiSdkDate, parseHuaweiSdkDate } from "./huawei-canonical.js";

const credentials = {
  accessKey: "HPUAEXAMPLEAK",
  secretKey: "EXAMPLE/SECRET+KEY=",
  securityToken: "gQpzZWN1cml0eS10b2tlbi1leGFtcGxl",
};
const projectId = "7aad83af3e8d42e99ac194e8419e2c9b";
const NOW = Date.parse("2026-01-01T00:00:00Z");
const URL_ = `https://functiongraph.cn-north-4.myhuaweicloud.com/v2/${projectId}/fgs/functions/urn:fss:cn-north-4:${projectId}:function:default:hello`;
const request = () =>
  new Request(URL_, { method: "DELETE", headers: { "Content-Type": "application/json" } });
const unauthorized = (date?: string) =>
  new Response(null, { status: 401, headers: date === undefined ? {} : { date } });

/** The signature recomputed independently with node:crypto from what the request carries. */
function recompute(r: Request): string {
  const url = new URL(r.url);
  const names = ["content-type", "host", "x-project-id", "x-sdk-date", "x-security-token"];
  const value = (name: string) => (name === "host" ? url.host : (r.headers.get(name) ?? ""));
  const canonical = [
    "DELETE",
    `${url.pathname
      .split("/")
      .map((segment) => encodeURIComponent(decodeURIComponent(segment)))
      .join("/")}/`, // urn:fss:… → urn%3Afss%3A…
    "",
    names.map((n) => `${n}:${value(n)}\n`).join(""),
    names.join(";"),
    createHash("sha256").update("").digest("hex"),
  ].join("\n");
  const toSign = `SDK-HMAC-SHA256\n${r.headers.get("x-sdk-date")}\n${createHash("sha256").update(canonical).digest("hex")}`;
  return createHmac("sha256", credentials.secretKey).update(toSign).digest("hex");
}

async function signed(scheme: ReturnType<typeof huaweiAkSkAuth>) {
  const r = request();
  await scheme.authorize(r);
  return r;
}

describe("huaweiAkSkAuth", () => {
  it("sets X-Project-Id, X-Security-Token, X-Sdk-Date and Authorization, signing them all", async () => {
    const r = await signed(huaweiAkSkAuth(credentials, { projectId, clock: () => NOW }));
    expect(r.headers.get("x-project-id")).toBe(projectId);
    expect(r.headers.get("x-security-token")).toBe(credentials.securityToken);
    expect(r.headers.get("x-sdk-date")).toBe("20260101T000000Z");
    const authorization = r.headers.get("authorization") ?? "";
    expect(authorization).toBe(
      `SDK-HMAC-SHA256 Access=${credentials.accessKey}, SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token, Signature=${recompute(r)}`,
    );
  });

  it("lists the secret key, the security token, the signature and the Authorization header as secrets", async () => {
    const scheme = huaweiAkSkAuth(credentials, { projectId, clock: () => NOW });
    expect(scheme.secrets()).toEqual([credentials.secretKey, credentials.securityToken]);
    const r = await signed(scheme);
    const secrets = scheme.secrets(r);
    expect(secrets).toEqual([
      credentials.secretKey,
      credentials.securityToken,
      recompute(r), // the hex alone: a gateway may echo just the signature
      r.headers.get("authorization"),
    ]);
    // another request, not signed by this scheme, adds nothing but its Authorization header if any
    expect(scheme.secrets(request())).toEqual([credentials.secretKey, credentials.securityToken]);
  });

  it("without a security token lists only what it has", () => {
    const scheme = huaweiAkSkAuth({ accessKey: "AK", secretKey: "SK-value" });
    expect(scheme.secrets()).toEqual(["SK-value"]);
  });

  describe("onUnauthorized (clock skew)", () => {
    it("adopts the server's clock when a 401's Date is more than a minute off", async () => {
      const scheme = huaweiAkSkAuth(credentials, { projectId, clock: () => NOW });
      const serverNow = NOW + 20 * 60_000;
      expect(scheme.onUnauthorized?.(unauthorized(new Date(serverNow).toUTCString()), request())).toBe(true);
      const r = await signed(scheme);
      expect(parseHuaweiSdkDate(r.headers.get("x-sdk-date") ?? "")).toBe(serverNow);
      expect(r.headers.get("authorization")).toContain(`Signature=${recompute(r)}`);
    });

    it.each([
      ["no Date", undefined],
      ["a Date 30 seconds off", new Date(NOW + 30_000).toUTCString()],
      ["a Date more than 24 hours off", new Date(NOW - MAX_SKEW_MS - 1).toUTCString()],
      ["a Date in the year 275760", "Sat, 13 Sep 275760 00:00:00 GMT"],
      ["a Date in the year -271821", "-271821-04-20T00:00:00Z"],
    ])("ignores %s, and can still sign after (no RangeError)", async (_, date) => {
      const scheme = huaweiAkSkAuth(credentials, { projectId, clock: () => NOW });
      expect(scheme.onUnauthorized?.(unauthorized(date), request())).toBe(false);
      const r = await signed(scheme);
      expect(r.headers.get("x-sdk-date")).toBe(huaweiSdkDate(NOW));
    });

    it("bounds the offset to 24 hours even after several 401s", async () => {
      let now = NOW;
      const scheme = huaweiAkSkAuth(credentials, { projectId, clock: () => now });
      for (let hours = 20; hours <= 100; hours += 20) {
        scheme.onUnauthorized?.(unauthorized(new Date(now + hours * 3600_000).toUTCString()), request());
        const r = await signed(scheme);
        const offset = parseHuaweiSdkDate(r.headers.get("x-sdk-date") ?? "") - now;
        expect(Math.abs(offset)).toBeLessThanOrEqual(MAX_SKEW_MS);
        now += 1_000;
      }
    });
  });

  it("refuses keys with whitespace or commas, and an unsafe project id, without quoting secrets", () => {
    expect(() => huaweiAkSkAuth({ accessKey: "AK", secretKey: "SECRET, Signature=x" })).toThrow(
      /secretKey contains (whitespace|a comma)/,
    );
    expect(() => huaweiAkSkAuth({ accessKey: "AK", secretKey: " SECRETVALUE" })).not.toThrow(/SECRETVALUE/);
    expect(() => huaweiAkSkAuth({ accessKey: "AK", secretKey: "SK-value" }, { projectId: "p\r\nx" })).toThrow(
      /projectId contains the character U\+000d/,
    );
    expect(() =>
      huaweiAkSkAuth({ accessKey: "AK", secretKey: "SK-value", securityToken: "tok\nen" }),
    ).toThrow(/securityToken contains/);
  });
});
