import { createFgsClient, FgsApiError } from "@fnapi/fgs-client";
import { createNcfClient, NcfApiError, type NcfClientCommonOptions, NetworkError } from "@fnapi/ncf-client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "./server.js";
import { FUNCTION_URN, HUAWEI, HUAWEI_TEMPORARY, NCP, PROJECT, TOKEN, testSeed } from "./test-support.js";

// The real clients (public API only) against the emulator with every signature verified.

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, seed: testSeed() });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const fast = { maxAttempts: 3, backoff: { baseMs: 1, maxMs: 5 } };
const ncf = (extra: Partial<NcfClientCommonOptions & { accessKey: string; secretKey: string }> = {}) =>
  createNcfClient({ ...NCP, baseUrl: `${emu.url}/ncf/api/v2`, ...fast, ...extra });
const fault = (body: object) =>
  fetch(`${emu.url}/_emulator/faults`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  }).then((r) => {
    expect(r.status).toBe(201);
  });

describe("NCF client", () => {
  it("delete, delete again (404 80101), missingOk", async () => {
    const client = ncf();
    await client.deletePackage("empty");
    const again = await client.deletePackage("empty").catch((e: unknown) => e);
    expect(again).toBeInstanceOf(NcfApiError);
    expect(again).toMatchObject({ status: 404, code: "80101" });
    await client.deletePackage("empty", { missingOk: true });
    await client.deletePackage("old", { platform: "classic" });
  });

  it("409 80109 while actions remain; getPackage, listActions, deleteAction, then the package", async () => {
    const client = ncf();
    await expect(client.deletePackage("package001")).rejects.toMatchObject({ status: 409, code: "80109" });
    expect(await client.getPackage("package001")).toMatchObject({
      name: "package001",
      actions: ["hello", "world"],
    });
    expect((await client.listActions("package001")).map((a) => a.name)).toEqual(["hello", "world"]);
    expect((await client.listActions("-")).map((a) => a.name)).toEqual(["loose"]);
    await client.deleteAction("package001", "hello");
    await expect(client.deleteAction("package001", "hello")).rejects.toMatchObject({
      status: 404,
      code: "80301",
    });
    await client.deleteAction("package001", "world");
    await client.deletePackage("package001");
    expect(emu.requests().every((r) => r.authPassed)).toBe(true);
  });

  it("cascade delete: lists and deletes the actions, then the package; 81313 is retried", async () => {
    await fault({ operation: "deleteAction", status: 500, code: "81313", times: 1 });
    const report = await ncf().deletePackage("package001", { cascade: true });
    expect(report.deletedActions.sort()).toEqual(["hello", "world"]);
    expect(emu.state().ncp.packages.some((p) => p.name === "package001")).toBe(false);
    expect(emu.requests().filter((r) => r.code === "81313")).toHaveLength(1);
  });

  it("recovers from injected 503s by retrying, each attempt signed afresh", async () => {
    await fault({ operation: "deletePackage", status: 503, times: 2 });
    await ncf().deletePackage("empty");
    const records = emu.requests();
    expect(records.map((r) => r.status)).toEqual([503, 503, 204]);
    expect(records.every((r) => r.authPassed)).toBe(true);
    expect(records[0]).toMatchObject({ code: "500", fault: expect.any(Number) });
  });

  it("a dropped connection is a NetworkError without retries, and nothing was deleted", async () => {
    await fault({ operation: "deletePackage", reset: true, times: 1 });
    await expect(ncf({ maxAttempts: 1 }).deletePackage("empty")).rejects.toBeInstanceOf(NetworkError);
    expect(emu.state().ncp.packages.some((p) => p.name === "empty")).toBe(true);
  });

  it("a wrong secret is refused (401 200), not retried", async () => {
    const error = await ncf({ secretKey: "wrong" })
      .deletePackage("empty")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: "200" });
    expect(emu.requests()).toHaveLength(1);
  });

  it("a client clock 10 minutes behind is corrected from the emulator's Date header", async () => {
    await ncf({ clock: () => Date.now() - 10 * 60_000 }).deletePackage("empty");
    expect(emu.requests().map((r) => r.status)).toEqual([401, 204]);
  });
});

describe("FunctionGraph client", () => {
  const fgs = (auth: object = HUAWEI) =>
    createFgsClient({ projectId: PROJECT, baseUrl: emu.url, ...fast, ...auth } as unknown as Parameters<
      typeof createFgsClient
    >[0]);

  it("AK/SK: version, alias, function, then missingOk", async () => {
    const client = fgs();
    await client.deleteFunction(`${FUNCTION_URN}:v3`);
    await client.deleteFunction(`${FUNCTION_URN}:!prod`);
    await client.deleteFunction(FUNCTION_URN);
    await expect(client.deleteFunction(FUNCTION_URN)).rejects.toMatchObject({
      status: 404,
      code: "FSS.1051",
    });
    await client.deleteFunction(FUNCTION_URN, { missingOk: true });
    await client.deleteFunction(`${FUNCTION_URN}:!prod`, { missingOk: true });
  });

  it("temporary credentials and a seeded token", async () => {
    await fgs(HUAWEI_TEMPORARY).deleteFunction(`${FUNCTION_URN}:v1`);
    await fgs({ token: TOKEN }).deleteFunction(`${FUNCTION_URN}:v2`);
    expect(emu.requests().map((r) => r.status)).toEqual([204, 204]);
  });

  it("recovers from an injected 503 and a dropped connection", async () => {
    await fault({ operation: "deleteFunction", status: 503, times: 1 });
    await fault({ operation: "deleteFunction", reset: true, times: 1 });
    await fgs().deleteFunction(FUNCTION_URN);
    expect(emu.requests().map((r) => r.status)).toEqual([503, 0, 204]);
  });

  it("a wrong secret key is refused with APIGW.0301", async () => {
    const error = await fgs({ ...HUAWEI, secretKey: "wrong" })
      .deleteFunction(FUNCTION_URN)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FgsApiError);
    expect(error).toMatchObject({ status: 401, code: "APIGW.0301" });
  });
});
