import type { ChildProcess } from "node:child_process";
import { createFgsClient } from "@fnapi/fgs-client";
import { createNcfClient } from "@fnapi/ncf-client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startPrismProxy } from "./prism-support.js";
import { type Emulator, startEmulator } from "./server.js";
import { operationsOf, readBundledSpecs } from "./spec-catalog.js";
import { FUNCTION_URN, NCP, NCP_DENIED, PROJECT, TOKEN, testSeed } from "./test-support.js";

// Conformance: `prism proxy --errors` in front of the emulator validates every request and response against
// the bundled specs; a response that breaks its spec becomes a 500 from Prism with an `sl-violations`
// header. The clients (and raw requests for what the clients refuse to send) are driven through it. The
// emulator runs with authentication off: a signature made for the proxy's path cannot match the upstream's.

const specs = readBundledSpecs();
const hasOperation = (operationId: string) =>
  specs.flatMap(operationsOf).some((o) => o.operationId === operationId);
const startProxy = startPrismProxy;

interface Seen {
  call: string;
  status: number;
  violations: string | null;
}
const seen: Seen[] = [];
const recording =
  (call: string): typeof fetch =>
  async (input, init) => {
    const response = await fetch(input, init);
    seen.push({ call, status: response.status, violations: response.headers.get("sl-violations") });
    return response;
  };

let emu: Emulator;
let ncfProxy: { url: string; child: ChildProcess };
let fgsProxy: { url: string; child: ChildProcess };
let iamProxy: { url: string; child: ChildProcess } | undefined;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, seed: testSeed(), auth: "off" });
  [ncfProxy, fgsProxy, iamProxy] = await Promise.all([
    startProxy("ncf.json", `${emu.url}/ncf/api/v2`),
    startProxy("fgs.json", emu.url),
    hasOperation("createUserToken") ? startProxy("iam.json", emu.url) : undefined,
  ]);
}, 200_000); // three Prisms start at once: seconds idle, minutes beside six busy processes
afterAll(async () => {
  ncfProxy?.child.kill("SIGTERM");
  fgsProxy?.child.kill("SIGTERM");
  iamProxy?.child.kill("SIGTERM");
  await emu?.close();
});
beforeEach(() => emu.reset());

const ncpHeaders = {
  "x-ncp-apigw-timestamp": "1",
  "x-ncp-iam-access-key": NCP.accessKey,
  "x-ncp-apigw-signature-v2": "x",
};

async function expectConformant(call: string, run: () => Promise<unknown>, status: number) {
  const before = seen.length;
  await run().catch(() => undefined);
  const mine = seen.slice(before);
  expect(mine.length, call).toBeGreaterThan(0);
  for (const s of mine) {
    expect(s.violations, `${call}: sl-violations`).toBeNull();
    expect(s.status, `${call}: Prism answered 500`).not.toBe(500);
  }
  expect(mine.at(-1)?.status, call).toBe(status);
}

describe("Prism proxy --errors in front of the emulator", () => {
  const ncf = (call: string, extra = {}) =>
    createNcfClient({ ...NCP, baseUrl: ncfProxy.url, maxAttempts: 1, fetch: recording(call), ...extra });
  const raw = (call: string, url: string, init: RequestInit) => () => recording(call)(url, init);

  it("NCF: every answer of the emulator validates against specs/ncf.yaml", async () => {
    await expectConformant("delete empty", () => ncf("delete").deletePackage("empty"), 204);
    await expectConformant("delete again", () => ncf("again").deletePackage("empty"), 404);
    await expectConformant("409", () => ncf("409").deletePackage("package001"), 409);
    await expectConformant("80102", () => ncf("80102").deletePackage("old", { platform: "vpc" }), 400);
    await expectConformant("403", () => ncf("403", NCP_DENIED).deletePackage("package001"), 403);
    await fetch(`${emu.url}/_emulator/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"operation":"deletePackage","status":503}',
    });
    await expectConformant("503", () => ncf("503").deletePackage("package001"), 503);
    await fetch(`${emu.url}/_emulator/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"operation":"deletePackage","status":429}',
    });
    await expectConformant("429", () => ncf("429").deletePackage("package001"), 429);
    if (hasOperation("getPackage")) {
      const url = `${ncfProxy.url}/packages/package001?platform=vpc`;
      await expectConformant("getPackage", raw("get", url, { headers: ncpHeaders }), 200);
      await expectConformant(
        "getPackage 404",
        raw("get", `${ncfProxy.url}/packages/nope`, { headers: ncpHeaders }),
        404,
      );
    }
    if (hasOperation("listActions")) {
      await expectConformant(
        "listActions",
        raw("list", `${ncfProxy.url}/packages/package001/actions`, { headers: ncpHeaders }),
        200,
      );
      await expectConformant(
        "listActions -",
        raw("list", `${ncfProxy.url}/packages/-/actions`, { headers: ncpHeaders }),
        200,
      );
    }
    if (hasOperation("deleteAction")) {
      const url = `${ncfProxy.url}/packages/package001/actions/hello`;
      await expectConformant(
        "deleteAction",
        raw("delA", url, { method: "DELETE", headers: ncpHeaders }),
        204,
      );
      await expectConformant(
        "deleteAction 404",
        raw("delA", url, { method: "DELETE", headers: ncpHeaders }),
        404,
      );
      const classic = `${url.replace("hello", "world")}?platform=classic`;
      await expectConformant(
        "deleteAction 80302",
        raw("delA", classic, { method: "DELETE", headers: ncpHeaders }),
        400,
      );
    }
  });

  it("FunctionGraph: every answer of the emulator validates against specs/fgs.yaml", async () => {
    const fgs = (call: string) =>
      createFgsClient({
        projectId: PROJECT,
        baseUrl: fgsProxy.url,
        token: TOKEN,
        maxAttempts: 1,
        fetch: recording(call),
      });
    await expectConformant("version", () => fgs("v").deleteFunction(`${FUNCTION_URN}:v3`), 204);
    await expectConformant("version again", () => fgs("v").deleteFunction(`${FUNCTION_URN}:v3`), 404);
    await expectConformant("alias", () => fgs("a").deleteFunction(`${FUNCTION_URN}:!prod`), 204);
    await expectConformant("alias again", () => fgs("a").deleteFunction(`${FUNCTION_URN}:!prod`), 404);
    const headers = { "X-Auth-Token": TOKEN, "Content-Type": "application/json" };
    const latest = `${fgsProxy.url}/v2/${PROJECT}/fgs/functions/${FUNCTION_URN}:latest`;
    await expectConformant("latest", raw("latest", latest, { method: "DELETE", headers }), 400);
    await fetch(`${emu.url}/_emulator/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"operation":"deleteFunction","status":503}',
    });
    await expectConformant("503", () => fgs("503").deleteFunction(FUNCTION_URN), 503);
    await expectConformant("function", () => fgs("f").deleteFunction(FUNCTION_URN), 204);
    await expectConformant("function again", () => fgs("f").deleteFunction(FUNCTION_URN), 404);
  });

  it.skipIf(!hasOperation("createUserToken"))(
    "IAM: every answer of the emulator validates against specs/iam.yaml",
    async () => {
      const url = `${iamProxy?.url}/v3/auth/tokens`;
      const body = (password: string, project: object) =>
        JSON.stringify({
          auth: {
            identity: {
              methods: ["password"],
              password: { user: { name: "alice", password, domain: { name: "example-domain" } } },
            },
            scope: { project },
          },
        });
      const headers = { "Content-Type": "application/json;charset=utf8" };
      const post = (b: string, query = "") =>
        raw("iam", `${url}${query}`, { method: "POST", headers, body: b });
      await expectConformant("token by name", post(body("alice-password", { name: "cn-north-4" })), 201);
      await expectConformant(
        "token by id",
        post(body("alice-password", { id: PROJECT }), "?nocatalog=true"),
        201,
      );
      await expectConformant("wrong password", post(body("nope", { id: PROJECT })), 401);
      await expectConformant("unknown project", post(body("alice-password", { name: "nowhere-1" })), 400);
    },
  );
});
