import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startPrismProxy } from "../../prism-support.js";
import { type Emulator, startEmulator } from "../../server.js";
import { NCP, NCP_DENIED, testSeed } from "../../test-support.js";

// Conformance of the emulator's API v3 with specs/ncf-v3.yaml, as prism-proxy.test.ts does for v2.1:
// `prism proxy --errors` validates every request and answer; authentication is off (a signature made for the
// proxy's path cannot match the upstream's). Every documented status the emulator produces is driven.

let emu: Emulator;
let sg: Emulator;
let proxy: { url: string; child: ChildProcess };
let sgProxy: { url: string; child: ChildProcess };
const seed = () => ({
  ...testSeed(),
  ncp: {
    ...testSeed().ncp,
    actionVersions: [
      {
        package: "package001",
        action: "hello",
        versions: [
          { name: "v1", createdDateTime: "2026-01-01T00:00:00.000Z" },
          { name: "v2", createdDateTime: "2026-01-01T00:00:01.000Z" },
        ],
      },
    ],
  },
});
beforeAll(async () => {
  const japan = { ...seed(), ncp: { ...seed().ncp, region: "jp" as const } };
  [emu, sg] = await Promise.all([
    startEmulator({ port: 0, seed: seed(), auth: "off" }),
    startEmulator({ port: 0, seed: japan, auth: "off" }),
  ]);
  [proxy, sgProxy] = await Promise.all([
    startPrismProxy("ncf-v3.json", `${emu.url}/api/v3`),
    startPrismProxy("ncf-v3.json", `${sg.url}/api/v3`),
  ]);
}, 200_000); // two Prisms start at once: seconds idle, minutes beside six busy processes
afterAll(async () => {
  proxy?.child.kill("SIGTERM");
  sgProxy?.child.kill("SIGTERM");
  await Promise.all([emu?.close(), sg?.close()]);
});
beforeEach(() => {
  emu.reset();
  sg.reset();
});

const headers = (key = NCP.accessKey) => ({
  "x-ncp-apigw-timestamp": "1",
  "x-ncp-iam-access-key": key,
  "x-ncp-apigw-signature-v2": "x",
});

async function expectConformant(
  path: string,
  status: number,
  method = "GET",
  base = proxy.url,
  key?: string,
) {
  const response = await fetch(`${base}${path}`, { method, headers: headers(key) });
  await response.arrayBuffer();
  expect(response.headers.get("sl-violations"), `${method} ${path}`).toBeNull();
  expect(response.status, `${method} ${path}`).toBe(status);
}

async function fault(operation: string, status: number) {
  await fetch(`${emu.url}/_emulator/faults`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ operation, status }),
  });
}

describe("Prism proxy --errors in front of the emulator's API v3", { timeout: 60_000 }, () => {
  it("every answer validates against specs/ncf-v3.yaml", async () => {
    await expectConformant("/packages?pageSize=2", 200);
    await expectConformant("/packages?pageNo=9", 200);
    await expectConformant("/packages/package001?platform=VPC", 200);
    await expectConformant("/packages/default", 404);
    await expectConformant("/packages/package001", 409, "DELETE");
    await expectConformant("/packages/empty", 204, "DELETE");
    await expectConformant("/packages/empty", 404, "DELETE");
    await expectConformant("/packages/old?platform=CLASSIC", 204, "DELETE");
    await expectConformant("/packages/empty?platform=CLASSIC", 400, "DELETE", sgProxy.url);
    await expectConformant("/packages/package001", 403, "DELETE", proxy.url, NCP_DENIED.accessKey);
    await expectConformant("/packages/package001/actions", 200);
    await expectConformant("/packages/-/actions?pageSize=100", 200);
    await expectConformant("/packages/default/actions", 200);
    await expectConformant("/packages/nope/actions", 404);
    await expectConformant("/packages/package001/actions/hello?withCode=true", 200);
    await expectConformant("/packages/default/actions/loose", 200);
    await expectConformant("/packages/package001/actions/hello/versions", 200);
    await expectConformant("/packages/package001/actions/hello/versions/v1", 200);
    await expectConformant("/packages/package001/actions/hello/versions?platform=CLASSIC", 400);
    await expectConformant("/packages/package001/actions/hello/versions/v1", 204, "DELETE");
    await expectConformant("/packages/package001/actions/hello/versions/v1", 404, "DELETE");
    await expectConformant("/packages/package001/actions/world", 204, "DELETE");
    await expectConformant("/packages/package001/actions/world", 404, "DELETE");
    await expectConformant("/activations?filter=packageName%20%3D%20%22p%22", 200);
    await expectConformant("/activations?pageNo=100&pageSize=100", 400);
    for (const [status, operation] of [
      [429, "deletePackage"],
      [500, "deletePackage"],
      [503, "deletePackage"],
      [504, "deletePackage"],
    ] as const) {
      await fault(operation, status);
      await expectConformant("/packages/package001", status, "DELETE");
    }
  });
});
