import { createNcfClient, isGone, NcfApiError, type NcfV3Client } from "@fnapi/ncf-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordingFetch } from "./capture-fetch.js";
import { type PrismServer, startPrism } from "./prism.js";
import { documentedExamples, loadSpec } from "./spec-examples.js";

// Every documented status of every operation of specs/ncf-v3.yaml through the real client against Prism's
// mock: a 2xx resolves to the v2.1-shaped result, anything else is an NcfApiError with that status and the
// example's string code, and only v3's not-found codes count as already gone. Statuses and examples are read
// from the spec, so a status added there is tested here without touching this file.

const credentials = { accessKey: "ncp_iam_EXAMPLEACCESSKEY", secretKey: "EXAMPLESECRETKEY" };
let prism: PrismServer;
beforeAll(async () => {
  prism = await startPrism("ncf-v3.yaml");
}, 120_000);
afterAll(() => prism?.stop());

function client(prefer: string) {
  const recorder = recordingFetch(prefer);
  const ncf: NcfV3Client = createNcfClient({
    ...credentials,
    api: "v3",
    baseUrl: prism.url,
    fetch: recorder.fetch,
    maxAttempts: 1,
  });
  return { ...recorder, ncf };
}

type Run = (ncf: NcfV3Client) => Promise<unknown>;
const OPERATIONS: [string, string, Run][] = [
  ["/packages", "get", (ncf) => ncf.listPackages()],
  ["/packages/{packageName}", "get", (ncf) => ncf.getPackage("batch-pkg")],
  ["/packages/{packageName}", "delete", (ncf) => ncf.deletePackage("batch-pkg")],
  ["/packages/{packageName}/actions", "get", (ncf) => ncf.listActions("batch-pkg")],
  [
    "/packages/{packageName}/actions/{actionName}",
    "get",
    (ncf) =>
      ncf.client.GET("/packages/{packageName}/actions/{actionName}", {
        params: { path: { packageName: "batch-pkg", actionName: "fn" }, query: { platform: "VPC" } },
      }),
  ],
  ["/packages/{packageName}/actions/{actionName}", "delete", (ncf) => ncf.deleteAction("batch-pkg", "fn")],
  [
    "/packages/{packageName}/actions/{actionName}/versions",
    "get",
    (ncf) => ncf.listActionVersions("batch-pkg", "fn"),
  ],
  [
    "/packages/{packageName}/actions/{actionName}/versions/{versionName}",
    "get",
    (ncf) =>
      ncf.client.GET("/packages/{packageName}/actions/{actionName}/versions/{versionName}", {
        params: { path: { packageName: "batch-pkg", actionName: "fn", versionName: "v1" } },
      }),
  ],
  [
    "/packages/{packageName}/actions/{actionName}/versions/{versionName}",
    "delete",
    (ncf) => ncf.deleteActionVersion("batch-pkg", "fn", "v1"),
  ],
  ["/activations", "get", (ncf) => ncf.client.GET("/activations", { params: { query: {} } })],
];

describe("NCF API v3 against Prism (specs/ncf-v3.yaml)", { timeout: 60_000 }, () => {
  for (const [path, method, run] of OPERATIONS) {
    const examples = documentedExamples("ncf-v3.yaml", path, method);
    const cases = examples.map((e) => ({ ...e, name: e.example ?? "(no body)" }));
    it.each(cases)(`${method.toUpperCase()} ${path}: $status $name`, async ({ status, example, value }) => {
      const { ncf, exchanges } = client(example ? `code=${status}, example=${example}` : `code=${status}`);
      const outcome = await run(ncf).then(
        (result) => result,
        (error: unknown) => error,
      );
      const last = exchanges.at(-1);
      expect(last?.response.status).toBe(status);
      expect(last?.response.headers.get("sl-violations")).toBeNull();
      expect(new URL(last?.request.url ?? "").searchParams.get("platform") ?? "VPC").toBe("VPC");
      expect(last?.request.headers.get("x-ncp-apigw-signature-v2")).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      if (status >= 400 && !(outcome && typeof outcome === "object" && "response" in outcome)) {
        const code = (value as { error: { errorCode: string } }).error.errorCode;
        expect(outcome).toBeInstanceOf(NcfApiError);
        expect(outcome).toMatchObject({ status, code });
        expect(isGone(outcome)).toBe(status === 404);
      } else if (status < 300) {
        expect(outcome).not.toBeInstanceOf(Error);
      }
    });
  }

  it("covers every operation of the spec", () => {
    const { paths } = loadSpec("ncf-v3.yaml");
    const declared = Object.entries(paths).flatMap(([path, item]) =>
      Object.keys(item).map((m) => `${m} ${path}`),
    );
    expect(OPERATIONS.map(([path, method]) => `${method} ${path}`).sort()).toEqual(declared.sort());
  });
});
