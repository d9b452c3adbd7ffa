import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_SKEW_MS } from "./clock-skew.js";
import { ncpSignatureV2Auth } from "./ncp-signature-v2-auth.js";

const credentials = { accessKey: "ncp_iam_EXAMPLEACCESSKEY", secretKey: "EXAMPLESECRETKEY" };
const NOW = 1_700_000_000_000;
const URL_ = "https://cloudfunctions.apigw.ntruss.com/ncf/api/v2/packages/package001?platform=vpc";
const request = () => new Request(URL_, { method: "DELETE" });
const unauthorized = (date?: string) =>
  new Response(null, { status: 401, headers: date === undefined ? {} : { date } });
const expected = (timestamp: number) =>
  createHmac("sha256", credentials.secretKey)
    .update(`DELETE /ncf/api/v2/packages/package001?platform=vpc\n${timestamp}\n${credentials.accessKey}`)
    .digest("base64");

async function signed(scheme: ReturnType<typeof ncpSignatureV2Auth>) {
  const r = request();
  await scheme.authorize(r);
  return r;
}

describe("ncpSignatureV2Auth", () => {
  it("signs each request with the three NCP headers", async () => {
    const r = await signed(ncpSignatureV2Auth(credentials, { clock: () => NOW }));
    expect(r.headers.get("x-ncp-apigw-timestamp")).toBe(String(NOW));
    expect(r.headers.get("x-ncp-iam-access-key")).toBe(credentials.accessKey);
    expect(r.headers.get("x-ncp-apigw-signature-v2")).toBe(expected(NOW));
  });

  it("lists the secret key, and the signature of the request it signed, as secrets", async () => {
    const scheme = ncpSignatureV2Auth(credentials, { clock: () => NOW });
    expect(scheme.secrets()).toEqual([credentials.secretKey]);
    expect(scheme.secrets(request())).toEqual([credentials.secretKey]);
    const r = await signed(scheme);
    expect(scheme.secrets(r)).toEqual([credentials.secretKey, expected(NOW)]);
    // the access key is an identifier, not a secret
    expect(scheme.secrets(r)).not.toContain(credentials.accessKey);
  });

  it("has a name that names the scheme and none of its credentials", () => {
    const names = [credentials, { accessKey: "ncp_iam_OTHERKEY", secretKey: "OTHERSECRET" }].map((keys) => {
      const scheme = ncpSignatureV2Auth(keys);
      expect(scheme.name).not.toContain(keys.accessKey);
      expect(scheme.name).not.toContain(keys.secretKey);
      expect(scheme.secrets()).not.toContain(scheme.name);
      return scheme.name;
    });
    // the same for any credentials: a name never carries what it was made from
    expect(new Set(names).size).toBe(1);
    expect(names[0]).toMatch(/ncp/);
  });

  describe("onUnauthorized (clock skew)", () => {
    it("adopts the server's clock when a 401's Date is more than a minute off, and says to try again", async () => {
      const scheme = ncpSignatureV2Auth(credentials, { clock: () => NOW });
      const serverNow = NOW + 10 * 60_000;
      expect(scheme.onUnauthorized?.(unauthorized(new Date(serverNow).toUTCString()), request())).toBe(true);
      const r = await signed(scheme);
      expect(r.headers.get("x-ncp-apigw-timestamp")).toBe(String(serverNow));
      expect(r.headers.get("x-ncp-apigw-signature-v2")).toBe(expected(serverNow));
      // the same skew again is nothing new: no further attempt
      expect(scheme.onUnauthorized?.(unauthorized(new Date(serverNow).toUTCString()), request())).toBe(false);
    });

    it("works in either direction (a clock ahead of the server's)", async () => {
      const scheme = ncpSignatureV2Auth(credentials, { clock: () => NOW });
      const serverNow = NOW - 3 * 3600_000;
      expect(scheme.onUnauthorized?.(unauthorized(new Date(serverNow).toUTCString()), request())).toBe(true);
      expect((await signed(scheme)).headers.get("x-ncp-apigw-timestamp")).toBe(String(serverNow));
    });

    it.each([
      ["no Date", undefined],
      ["an unparsable Date", "yesterday-ish"],
      ["a Date within a minute", new Date(NOW + 59_000).toUTCString()],
      ["a Date more than 24 hours off", new Date(NOW + MAX_SKEW_MS + 60_000).toUTCString()],
      ["a Date in the year 275760", "Sat, 13 Sep 275760 00:00:00 GMT"],
      ["a Date before the epoch", "Thu, 01 Jan 1000 00:00:00 GMT"],
    ])("ignores %s, and signing still works after", async (_, date) => {
      const scheme = ncpSignatureV2Auth(credentials, { clock: () => NOW });
      expect(scheme.onUnauthorized?.(unauthorized(date), request())).toBe(false);
      const r = await signed(scheme);
      expect(r.headers.get("x-ncp-apigw-timestamp")).toBe(String(NOW));
      expect(r.headers.get("x-ncp-apigw-signature-v2")).toBe(expected(NOW));
    });

    it("accepts up to 24 hours of skew", async () => {
      const scheme = ncpSignatureV2Auth(credentials, { clock: () => NOW });
      const serverNow = NOW + MAX_SKEW_MS - 1_000;
      expect(scheme.onUnauthorized?.(unauthorized(new Date(serverNow).toUTCString()), request())).toBe(true);
      expect((await signed(scheme)).headers.get("x-ncp-apigw-timestamp")).toBe(String(serverNow));
    });
  });

  it("refuses keys with whitespace or commas without quoting them", () => {
    for (const secretKey of ["EXAMPLE SECRET", "EXAMPLE,SECRET", "EXAMPLE\tSECRET"]) {
      let message = "";
      try {
        ncpSignatureV2Auth({ accessKey: credentials.accessKey, secretKey });
      } catch (error) {
        message = (error as Error).message;
        expect(error).toMatchObject({ name: "ValidationError", field: "secretKey" });
      }
      expect(message).toMatch(/secretKey contains (whitespace|a comma)/);
      expect(message).not.toContain("EXAMPLE");
    }
    expect(() => ncpSignatureV2Auth({ accessKey: "ncp iam", secretKey: "x" })).toThrow(/accessKey/);
  });
});
