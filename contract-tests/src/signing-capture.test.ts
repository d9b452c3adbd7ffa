import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHuaweiSdkDate } from "@fnapi/auth";
import { createFgsClient } from "@fnapi/fgs-client";
import { createNcfClient } from "@fnapi/ncf-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LoopbackServer, redirectFetch, startLoopbackServer } from "./loopback-server.js";
import { specsDir } from "./prism.js";

// The clients, with a fixed clock, send exactly the headers of the published test vectors: what a loopback
// server receives is compared with specs/test-vectors/*.json.

interface Vector {
  id: string;
  input: {
    method: string;
    url: string;
    credentials: Record<string, string>;
    /** NCP: epoch milliseconds */
    timestamp?: string;
    /** Huawei: the X-Sdk-Date */
    time?: string;
  };
  expected: { headers: Record<string, string> };
}
const vectors = (file: string): Map<string, Vector> =>
  new Map(
    JSON.parse(readFileSync(join(specsDir, "test-vectors", file), "utf8")).vectors.map((v: Vector) => [
      v.id,
      v,
    ]),
  );
const ncp = vectors("ncp-signature-v2.json");
const huawei = vectors("huawei-sdk-hmac-sha256.json");

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(() => server.close());

const lower = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

describe("requests on the wire match the signing test vectors", () => {
  it.each([
    ["ncp-delete-package-with-query", { platform: "vpc" as const }],
    ["ncp-delete-package-classic", { platform: "classic" as const }],
  ])("NCP %s", async (id, options) => {
    const vector = ncp.get(id);
    if (!vector) throw new Error(`no vector ${id}`);
    const url = new URL(vector.input.url);
    const packageName = url.pathname.split("/").pop() ?? "";
    const ncf = createNcfClient({
      accessKey: vector.input.credentials.accessKey ?? "",
      secretKey: vector.input.credentials.secretKey ?? "",
      baseUrl: `${url.origin}/ncf/api/v2`,
      fetch: redirectFetch(server.url),
      clock: () => Number(vector.input.timestamp),
    });
    const before = server.requests.length;
    await ncf.deletePackage(packageName, options);
    const sent = server.requests[before];
    expect(sent?.method).toBe("DELETE");
    expect(sent?.url).toBe(`${url.pathname}${url.search}`);
    expect(sent?.headers).toMatchObject(lower(vector.expected.headers));
  });

  it.each([
    "fgs-delete-function",
    "fgs-delete-version",
    "fgs-delete-alias",
    "fgs-delete-temporary-credentials",
  ])("Huawei AK/SK %s", async (id) => {
    const vector = huawei.get(id);
    if (!vector) throw new Error(`no vector ${id}`);
    const time = parseHuaweiSdkDate(vector.input.time ?? "");
    const clock = () => time;
    const url = new URL(vector.input.url);
    const [, , projectId, , , urn] = url.pathname.split("/");
    const { accessKey = "", secretKey = "", securityToken } = vector.input.credentials;
    const fgs = createFgsClient({
      projectId: projectId ?? "",
      accessKey,
      secretKey,
      ...(securityToken ? { securityToken } : {}),
      fetch: redirectFetch(server.url),
      clock,
    });
    const before = server.requests.length;
    await fgs.deleteFunction(urn ?? "");
    const sent = server.requests[before];
    expect(sent?.url).toBe(url.pathname); // colons and "!" raw on the wire
    expect(sent?.headers).toMatchObject({
      ...lower(vector.expected.headers),
      "content-type": "application/json",
      "x-project-id": projectId,
    });
  });
});
