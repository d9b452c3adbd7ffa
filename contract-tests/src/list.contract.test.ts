import { createFgsClient, FgsApiError, formatFunctionUrn } from "@fnapi/fgs-client";
import { createNcfClient, NcfApiError } from "@fnapi/ncf-client";
import { describe, expect, inject, it } from "vitest";
import { recordingFetch } from "./capture-fetch.js";
import { documentedExamples } from "./spec-examples.js";

// The listing operations of issue 20, each through the real client against Prism, for every documented
// status and named example (read from the specs, so a status added there is tested here).

const projectId = "7aad83af3e8d42e99ac194e8419e2c9b";
const urn = formatFunctionUrn({ region: "cn-north-4", projectId, name: "test" });

function fgsClient(prefer?: string) {
  const recorder = recordingFetch(prefer);
  const fgs = createFgsClient({
    projectId,
    baseUrl: inject("fgsMockUrl"),
    fetch: recorder.fetch,
    maxAttempts: 1,
    token: "MIIexampletoken",
  });
  return { ...recorder, fgs };
}

function ncfClient(prefer?: string) {
  const recorder = recordingFetch(prefer);
  const ncf = createNcfClient({
    accessKey: "ncp_iam_EXAMPLEACCESSKEY",
    secretKey: "EXAMPLESECRETKEY",
    baseUrl: inject("ncfMockUrl"),
    fetch: recorder.fetch,
    maxAttempts: 1,
  });
  return { ...recorder, ncf };
}

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const fgsOperations = {
  listFunctions: {
    path: "/v2/{project_id}/fgs/functions",
    call: (fgs: ReturnType<typeof fgsClient>["fgs"]) => all(fgs.listFunctions()),
  },
  listFunctionVersions: {
    path: "/v2/{project_id}/fgs/functions/{function_urn}/versions",
    call: (fgs: ReturnType<typeof fgsClient>["fgs"]) => fgs.listVersions(urn),
  },
  listVersionAliases: {
    path: "/v2/{project_id}/fgs/functions/{function_urn}/aliases",
    call: (fgs: ReturnType<typeof fgsClient>["fgs"]) => fgs.listAliases(urn),
  },
};

describe.each(Object.entries(fgsOperations))("FunctionGraph %s against Prism", (_name, { path, call }) => {
  const examples = documentedExamples("fgs.yaml", path, "get");

  it("documents the list page's statuses and the error-code appendix's", () => {
    expect([...new Set(examples.map((e) => e.status))].sort()).toEqual([
      200, 400, 401, 403, 404, 429, 500, 502, 503, 504,
    ]);
  });

  it.each(examples.filter((e) => e.status === 200))("reads 200 ($example)", async ({ example }) => {
    const { fgs, exchanges } = fgsClient(`code=200, example=${example}, dynamic=false`);
    const items = (await call(fgs)) as unknown[];
    expect(exchanges.length).toBeGreaterThan(0);
    for (const exchange of exchanges) {
      expect(exchange.response.status).toBe(200);
      expect(exchange.response.headers.get("sl-violations")).toBeNull();
    }
    expect(Array.isArray(items)).toBe(true);
    if (example !== "noFunctions" && example !== "noAliases") expect(items.length).toBeGreaterThan(0);
  });

  it.each(examples.filter((e) => e.status >= 400))(
    "surfaces $status ($example) as FgsApiError with its vendor code",
    async ({ status, example, value }) => {
      const { fgs, exchanges } = fgsClient(`code=${status}, example=${example}, dynamic=false`);
      const error = await call(fgs).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(exchanges[0]?.response.status).toBe(status);
      expect(exchanges[0]?.response.headers.get("sl-violations")).toBeNull();
      expect(error).toBeInstanceOf(FgsApiError);
      expect(error).toMatchObject({
        status,
        code: (value as { error_code: string }).error_code,
        attempts: 1,
      });
    },
  );
});

describe("FunctionGraph listFunctions paging against Prism", () => {
  it("sends maxitems, then the page's next_marker, and stops when next_marker reaches count", async () => {
    const { fgs, exchanges } = fgsClient("code=200, example=firstPage, dynamic=false");
    // firstPage says next_marker 1 of count 2; Prism answers it again for marker=1, whose next_marker (1)
    // does not move forward: the client stops there instead of looping.
    const items = await all(fgs.listFunctions({ pageSize: 1 }));
    expect(items.map((f) => f.urn)).toEqual([
      `urn:fss:cn-north-4:${projectId}:function:default:preview-123`,
      `urn:fss:cn-north-4:${projectId}:function:default:preview-123`,
    ]);
    expect(items[0]?.lastModified?.toISOString()).toBe("2026-11-20T00:15:00.000Z");
    expect(exchanges.map((e) => new URL(e.request.url).search)).toEqual([
      "?maxitems=1",
      "?maxitems=1&marker=1",
    ]);
  });
});

describe("NCF listPackages against Prism", () => {
  const examples = documentedExamples("ncf.yaml", "/packages", "get");

  it("documents the gateway's statuses and the page's 403", () => {
    expect([...new Set(examples.map((e) => e.status))].sort()).toEqual([
      200, 400, 401, 403, 404, 413, 429, 500, 503, 504,
    ]);
  });

  it.each(examples.filter((e) => e.status === 200))("reads 200 ($example)", async ({ example, value }) => {
    const { ncf, exchanges } = ncfClient(`code=200, example=${example}, dynamic=false`);
    const packages = await ncf.listPackages({ platform: "classic" });
    expect(exchanges[0]?.response.headers.get("sl-violations")).toBeNull();
    expect(new URL(exchanges[0]?.request.url ?? "").search).toBe("?platform=classic");
    expect(packages).toEqual((value as { content: unknown[] }).content);
  });

  it.each(examples.filter((e) => e.status >= 400))(
    "surfaces $status ($example) as NcfApiError with its code",
    async ({ status, example, value }) => {
      const { ncf, exchanges } = ncfClient(`code=${status}, example=${example}, dynamic=false`);
      const error = await ncf.listPackages().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(exchanges[0]?.response.status).toBe(status);
      expect(exchanges[0]?.response.headers.get("sl-violations")).toBeNull();
      expect(error).toBeInstanceOf(NcfApiError);
      expect(error).toMatchObject({
        status,
        code: (value as { error: { errorCode: string } }).error.errorCode,
      });
    },
  );
});
