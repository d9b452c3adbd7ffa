import { createNcfClient } from "@fnapi/ncf-client";
import { describe, expect, inject, it } from "vitest";
import { recordingFetch } from "./capture-fetch.js";
import { documentedExamples } from "./spec-examples.js";

// The operations a cascade delete needs (getPackage, listActions, deleteAction), against Prism serving
// specs/ncf.yaml. They have no client functions yet, so they are driven through the typed openapi-fetch client
// that createNcfClient exposes (signed like every call): every documented status and named example, its vendor
// code as parsed by the client, and Prism's own verdict on request and response (`sl-violations`).

const baseUrl = inject("ncfMockUrl");
const credentials = { accessKey: "ncp_iam_EXAMPLEACCESSKEY", secretKey: "EXAMPLESECRETKEY" };

function client(prefer?: string) {
  const recorder = recordingFetch(prefer);
  const ncf = createNcfClient({ ...credentials, api: "v2.1", baseUrl, fetch: recorder.fetch });
  return { ...recorder, ncf };
}

const forced = (status: number, example: string | undefined) =>
  example ? `code=${status}, example=${example}, dynamic=false` : `code=${status}, dynamic=false`;

interface ErrorExample {
  error: { errorCode: string; message: string; details: string };
}

const operations = {
  getPackage: {
    examples: documentedExamples("ncf.yaml", "/packages/{packageName}", "get"),
    statuses: [200, 400, 401, 403, 404, 413, 429, 500, 503, 504],
    send: (prefer: string) => {
      const { ncf, exchanges } = client(prefer);
      return ncf.client
        .GET("/packages/{packageName}", {
          params: { path: { packageName: "package001" }, query: { platform: "vpc" } },
        })
        .then((result) => ({ ...result, exchanges }));
    },
  },
  listActions: {
    examples: documentedExamples("ncf.yaml", "/packages/{packageName}/actions", "get"),
    statuses: [200, 400, 401, 403, 404, 413, 429, 500, 503, 504],
    send: (prefer: string) => {
      const { ncf, exchanges } = client(prefer);
      return ncf.client
        .GET("/packages/{packageName}/actions", {
          params: { path: { packageName: "package001" }, query: { platform: "vpc" } },
        })
        .then((result) => ({ ...result, exchanges }));
    },
  },
  deleteAction: {
    examples: documentedExamples("ncf.yaml", "/packages/{packageName}/actions/{actionName}", "delete"),
    statuses: [204, 400, 401, 403, 404, 413, 429, 500, 503, 504],
    send: (prefer: string) => {
      const { ncf, exchanges } = client(prefer);
      return ncf.client
        .DELETE("/packages/{packageName}/actions/{actionName}", {
          params: {
            path: { packageName: "package001", actionName: "action001" },
            query: { platform: "vpc" },
          },
        })
        .then((result) => ({ ...result, exchanges }));
    },
  },
};

describe.each(Object.entries(operations))("NCF %s against Prism (specs/ncf.yaml)", (_, operation) => {
  it("documents every status: the operation's own, and the API Gateway's", () => {
    const statuses = [...new Set(operation.examples.map((e) => e.status))].sort();
    expect(statuses).toEqual(operation.statuses);
  });

  const errors = operation.examples.filter((e) => e.status >= 400);
  it.each(errors)("answers $status ($example) with its vendor code", async ({ status, example, value }) => {
    const { data, error, response, exchanges } = await operation.send(forced(status, example));
    expect(response.status).toBe(status); // Prism falls back to 2xx on a bad Prefer
    expect(exchanges[0]?.response.headers.get("sl-violations")).toBeNull();
    expect(data).toBeUndefined();
    const expected = (value as ErrorExample).error;
    expect(error?.error.errorCode).toBe(expected.errorCode);
    expect(error).toEqual(value);
  });
});

describe("NCF getPackage, listActions, deleteAction: success bodies", () => {
  it.each(operations.getPackage.examples.filter((e) => e.status === 200))(
    "getPackage 200 ($example) parses into the typed package",
    async ({ example, value }) => {
      const { data, response, exchanges } = await operations.getPackage.send(forced(200, example));
      expect(response.status).toBe(200);
      expect(exchanges[0]?.response.headers.get("sl-violations")).toBeNull();
      expect(data).toEqual(value);
      const actions = (data?.content.actions ?? []).map((a) => (typeof a === "string" ? a : a.name));
      expect(actions).toEqual((value as { content: { actions: string[] } }).content.actions);
    },
  );

  it.each(operations.listActions.examples.filter((e) => e.status === 200))(
    "listActions 200 ($example) parses into typed action summaries",
    async ({ example, value }) => {
      const { data, response, exchanges } = await operations.listActions.send(forced(200, example));
      expect(response.status).toBe(200);
      expect(exchanges[0]?.response.headers.get("sl-violations")).toBeNull();
      expect(data).toEqual(value);
      for (const action of data?.content.actions ?? []) expect(action.name).toMatch(/^[A-Za-z0-9_]/);
    },
  );

  it.each(["vpc", "classic"] as const)(
    "deleteAction 204 with platform=%s, in a package and in none (`-`), signed",
    async (platform) => {
      for (const packageName of ["package001", "-"]) {
        const { ncf, exchanges } = client("code=204");
        const { response, data, error } = await ncf.client.DELETE(
          "/packages/{packageName}/actions/{actionName}",
          { params: { path: { packageName, actionName: "action001" }, query: { platform } } },
        );
        expect(response.status).toBe(204);
        expect(data).toBeUndefined();
        expect(error).toBeUndefined();
        const [exchange] = exchanges;
        expect(exchange?.response.headers.get("sl-violations")).toBeNull();
        const url = new URL(exchange?.request.url ?? "");
        expect(url.pathname).toBe(`/packages/${packageName}/actions/action001`);
        expect(url.search).toBe(`?platform=${platform}`);
        expect(exchange?.request.headers.get("x-ncp-apigw-signature-v2")).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      }
    },
  );

  it("listActions takes `-` (actions in no package)", async () => {
    const { ncf, exchanges } = client("code=200, example=noActions, dynamic=false");
    const { data, response } = await ncf.client.GET("/packages/{packageName}/actions", {
      params: { path: { packageName: "-" } },
    });
    expect(response.status).toBe(200);
    expect(exchanges[0]?.response.headers.get("sl-violations")).toBeNull();
    expect(data?.content.actions).toEqual([]);
  });
});

describe("Prism refuses requests that break the new operations' rules", () => {
  it("getPackage refuses `-`, which only action paths accept", async () => {
    const { ncf } = client();
    const { response } = await ncf.client.GET("/packages/{packageName}", {
      params: { path: { packageName: "-" } },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("sl-violations")).toMatch(/packagename/i);
  });

  it("deleteAction refuses an action name that breaks the package-name rule, and a wrong platform", async () => {
    const { ncf } = client();
    const badName = await ncf.client.DELETE("/packages/{packageName}/actions/{actionName}", {
      params: { path: { packageName: "package001", actionName: "-bad" } },
    });
    expect(badName.response.status).toBe(400);
    expect(badName.response.headers.get("sl-violations")).toMatch(/actionname/i);
    const badPlatform = await ncf.client.DELETE("/packages/{packageName}/actions/{actionName}", {
      // @ts-expect-error the type allows only "vpc" | "classic"; this proves Prism checks it too
      params: { path: { packageName: "package001", actionName: "action001" }, query: { platform: "gov" } },
    });
    expect(badPlatform.response.status).toBe(400);
  });

  it("listActions without a signature is refused with the gateway's 401", async () => {
    const unsigned = await fetch(`${baseUrl}/packages/package001/actions`);
    expect(unsigned.status).toBe(401);
    expect(unsigned.headers.get("sl-violations")).toMatch(/security/i);
    const body = (await unsigned.json()) as { error: { errorCode: string } };
    expect(["200", "210"]).toContain(body.error.errorCode); // the gateway's own codes
  });
});
