import { createFgsClient, FgsApiError, formatFunctionUrn, ValidationError } from "@fnapi/fgs-client";
import { describe, expect, inject, it } from "vitest";
import { recordingFetch } from "./capture-fetch.js";
import { documentedExamples } from "./spec-examples.js";

const baseUrl = inject("fgsMockUrl");
const projectId = "7aad83af3e8d42e99ac194e8419e2c9b";
const urn = formatFunctionUrn({ region: "cn-north-4", projectId, name: "test" });
const examples = documentedExamples("fgs.yaml", "/v2/{project_id}/fgs/functions/{function_urn}", "delete");

function client(prefer?: string, auth: "token" | "aksk" = "token") {
  const recorder = recordingFetch(prefer);
  const credentials =
    auth === "token"
      ? { token: "MIIexampletoken" }
      : { accessKey: "QTWAOYTTINDUT2QVKYUC", secretKey: "MFyfvK41ba2giq" };
  return {
    ...recorder,
    fgs: createFgsClient({ projectId, baseUrl, fetch: recorder.fetch, maxAttempts: 1, ...credentials }),
  };
}

describe("FunctionGraph deleteFunction against Prism (specs/fgs.yaml)", () => {
  it("documents the endpoint's statuses and the error-code appendix's", () => {
    const statuses = new Set(examples.map((e) => e.status));
    expect([...statuses].sort()).toEqual([204, 400, 401, 403, 404, 428, 429, 500, 502, 503, 504]);
  });

  const targets = {
    function: urn,
    version: formatFunctionUrn({
      region: "cn-north-4",
      projectId,
      name: "test",
      version: "v20170830-181539",
    }),
    alias: formatFunctionUrn({ region: "cn-north-4", projectId, name: "test", alias: "prod" }),
  };
  it.each(Object.entries(targets))(
    "resolves on 204 deleting a %s, colons raw on the wire",
    async (_, target) => {
      for (const auth of ["token", "aksk"] as const) {
        const { fgs, exchanges } = client("code=204", auth);
        await expect(fgs.deleteFunction(target)).resolves.toMatchObject({ alreadyGone: false });
        const [exchange] = exchanges;
        expect(exchange?.response.status).toBe(204);
        expect(exchange?.response.headers.get("sl-violations")).toBeNull();
        expect(new URL(exchange?.request.url ?? "").pathname).toBe(
          `/v2/${projectId}/fgs/functions/${target}`,
        );
        expect(exchange?.request.headers.get("content-type")).toBe("application/json");
        if (auth === "token") expect(exchange?.request.headers.get("x-auth-token")).toBe("MIIexampletoken");
        else
          expect(exchange?.request.headers.get("authorization")).toMatch(
            /^SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/,
          );
      }
    },
  );

  const errors = examples.filter((e) => e.status >= 400);
  it.each(errors)(
    "surfaces $status ($example) as FgsApiError with its vendor code",
    async ({ status, example, value }) => {
      const { fgs, exchanges } = client(`code=${status}, example=${example}, dynamic=false`);
      const error = await fgs.deleteFunction(urn).then(
        () => undefined,
        (e: unknown) => e,
      );
      const expected = value as { error_code: string; error_msg: string; request_id?: string };
      expect(exchanges[0]?.response.status).toBe(status);
      expect(exchanges[0]?.response.headers.get("sl-violations")).toBeNull();
      expect(error).toBeInstanceOf(FgsApiError);
      expect(error).toMatchObject({
        status,
        code: expected.error_code,
        message: expected.error_msg,
        requestId: expected.request_id ?? "0b6e3d5c2f1a4e8d9c7b6a5f4e3d2c1b",
        attempts: 1,
      });
    },
  );

  it.each(["functionNotFound", "versionNotFound", "aliasNotFound"])(
    "resolves 404 %s with missingOk",
    async (example) => {
      const { fgs } = client(`code=404, example=${example}`);
      await expect(fgs.deleteFunction(urn, { missingOk: true })).resolves.toMatchObject({
        alreadyGone: true,
      });
    },
  );

  it("Prism refuses requests that break the spec: no credentials → 401, bad URN → 400", async () => {
    const unsigned = await fetch(`${baseUrl}/v2/${projectId}/fgs/functions/${urn}`, { method: "DELETE" });
    expect(unsigned.status).toBe(401);
    const { fgs } = client();
    const bad = await fgs.client.DELETE("/v2/{project_id}/fgs/functions/{function_urn}", {
      params: { path: { project_id: projectId, function_urn: "urn:fss:cn-north-4:nope" } },
    });
    expect(bad.response.status).toBe(400);
    expect(bad.response.headers.get("sl-violations")).toContain("function_urn");
  });

  it("refuses bad input and missing or doubled credentials before sending anything", async () => {
    // on Node with nothing in the environment or ~/.huaweicloud, the credential chain finds nothing
    expect(() => createFgsClient({ projectId, baseUrl })).toThrow(
      /credentials were not given and were not found/,
    );
    // @ts-expect-error not both
    expect(() => createFgsClient({ projectId, baseUrl, token: "t", accessKey: "a", secretKey: "s" })).toThrow(
      /given twice/,
    );
    expect(() => createFgsClient({ projectId: "short", token: "t" })).toThrow(ValidationError);
    const { fgs, exchanges } = client();
    await expect(fgs.deleteFunction(`${urn}/../x`)).rejects.toThrow(/function name/);
    await expect(fgs.deleteFunction("urn:fss:cn-north-4:x")).rejects.toThrow(/has 4 ":"-separated fields/);
    await expect(fgs.deleteFunction(`${urn}:latest`)).rejects.toThrow(/latest, which cannot be deleted/);
    await expect(
      fgs.deleteFunction(formatFunctionUrn({ region: "cn-north-4", projectId: "0".repeat(32), name: "f" })),
    ).rejects.toThrow(/client's project/);
    expect(exchanges).toHaveLength(0);
  });
});
