import { createNcfClient, isGone, NcfApiError, ValidationError } from "@fnapi/ncf-client";
import { describe, expect, inject, it } from "vitest";
import { recordingFetch } from "./capture-fetch.js";
import { documentedExamples } from "./spec-examples.js";

const baseUrl = inject("ncfMockUrl");
const credentials = { accessKey: "ncp_iam_EXAMPLEACCESSKEY", secretKey: "EXAMPLESECRETKEY" };
const examples = documentedExamples("ncf.yaml", "/packages/{packageName}", "delete");

function client(prefer?: string) {
  const recorder = recordingFetch(prefer);
  return {
    ...recorder,
    ncf: createNcfClient({ ...credentials, api: "v2.1", baseUrl, fetch: recorder.fetch, maxAttempts: 1 }),
  };
}

describe("NCF deletePackage against Prism (specs/ncf.yaml)", () => {
  // Every documented status, through the client: a 2xx resolves to a DeleteResult, anything else is an
  // NcfApiError with that status, and only PACKAGE_NOT_FOUND counts as already gone.
  const statuses = [...new Set(examples.map((e) => e.status))].sort((a, b) => a - b);
  it("documents every status the issue asks for", () => {
    expect(statuses).toEqual([204, 400, 401, 403, 404, 409, 413, 429, 500, 503, 504]);
  });
  it.each(statuses)("runs the client against the documented status %i", async (status) => {
    const { ncf, exchanges } = client(`code=${status}`);
    const outcome = await ncf.deletePackage("package001").then(
      (result) => result,
      (error: unknown) => error,
    );
    expect(exchanges[0]?.response.status).toBe(status);
    if (status < 300) {
      expect(outcome).toEqual({ alreadyGone: false, attempts: 1, requestId: undefined });
    } else {
      expect(outcome).toBeInstanceOf(NcfApiError);
      expect(outcome).toMatchObject({ status, attempts: 1 });
      expect(isGone(outcome)).toBe(status === 404 && (outcome as NcfApiError).code === "80101");
    }
  });

  it.each(["vpc", "classic"] as const)(
    "resolves on 204 with platform=%s, sending a request the spec accepts",
    async (platform) => {
      const { ncf, exchanges } = client("code=204");
      await expect(ncf.deletePackage("package001", { platform })).resolves.toMatchObject({
        alreadyGone: false,
      });
      const [exchange] = exchanges;
      expect(exchange?.response.status).toBe(204);
      expect(exchange?.response.headers.get("sl-violations")).toBeNull();
      expect(new URL(exchange?.request.url ?? "").search).toBe(`?platform=${platform}`);
      expect(exchange?.request.headers.get("x-ncp-iam-access-key")).toBe(credentials.accessKey);
      expect(exchange?.request.headers.get("x-ncp-apigw-timestamp")).toMatch(/^\d{13}$/);
      expect(exchange?.request.headers.get("x-ncp-apigw-signature-v2")).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    },
  );

  const errors = examples.filter((e) => e.status >= 400);
  it.each(errors)(
    "surfaces $status ($example) as NcfApiError with its vendor code",
    async ({ status, example, value }) => {
      const { ncf, exchanges } = client(`code=${status}, example=${example}, dynamic=false`);
      const error = await ncf.deletePackage("package001").then(
        () => undefined,
        (e: unknown) => e,
      );
      const expected = (value as { error: { errorCode: string; message: string; details: string } }).error;
      expect(exchanges[0]?.response.status).toBe(status); // Prism falls back to 2xx on a bad Prefer
      expect(exchanges[0]?.response.headers.get("sl-violations")).toBeNull();
      expect(error).toBeInstanceOf(NcfApiError);
      expect(error).toMatchObject({
        status,
        code: expected.errorCode,
        message: expected.message,
        details: expected.details,
        attempts: 1,
      });
    },
  );

  it("resolves a 404 PACKAGE_NOT_FOUND with missingOk", async () => {
    const { ncf } = client("code=404, example=packageNotFound");
    await expect(ncf.deletePackage("package001", { missingOk: true })).resolves.toMatchObject({
      alreadyGone: true,
    });
    // the gateway's own 404 (code 300, unknown route) is not "already gone"
    const gateway = client("code=404, example=notFoundException");
    await expect(gateway.ncf.deletePackage("package001", { missingOk: true })).rejects.toMatchObject({
      code: "300",
    });
  });

  it("Prism refuses requests that break the spec: no signature → 401, bad name or platform → 400", async () => {
    const unsigned = await fetch(`${baseUrl}/packages/package001`, { method: "DELETE" });
    expect(unsigned.status).toBe(401);
    const { ncf } = client();
    const badName = await ncf.client.DELETE("/packages/{packageName}", {
      params: { path: { packageName: "-bad" } },
    });
    expect(badName.response.status).toBe(400);
    expect(badName.response.headers.get("sl-violations")).toMatch(/packagename/i);
    const badPlatform = await ncf.client.DELETE("/packages/{packageName}", {
      // @ts-expect-error the type allows only "vpc" | "classic"; this proves Prism checks it too
      params: { path: { packageName: "package001" }, query: { platform: "gov" } },
    });
    expect(badPlatform.response.status).toBe(400);
  });

  it("refuses bad input and missing credentials before sending anything", async () => {
    expect(() => createNcfClient({ accessKey: "", secretKey: "x", baseUrl })).toThrow(ValidationError);
    // @ts-expect-error secretKey is required
    expect(() => createNcfClient({ accessKey: "AK", baseUrl })).toThrow(/secretKey is missing/);
    const { ncf, exchanges } = client();
    await expect(ncf.deletePackage("a/../b")).rejects.toThrow(
      /packageName "a\/..\/b" contains "\/" at position 1/,
    );
    await expect(ncf.deletePackage("x".repeat(51))).rejects.toThrow(/is 51 characters long/);
    // @ts-expect-error platform is "vpc" | "classic"
    await expect(ncf.deletePackage("ok", { platform: "gov" })).rejects.toThrow(/platform is "gov"/);
    expect(exchanges).toHaveLength(0);
  });
});
