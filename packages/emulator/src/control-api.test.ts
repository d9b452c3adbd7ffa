import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "./server.js";
import { FUNCTION_URN, json, PROJECT, testSeed } from "./test-support.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, seed: testSeed(), auth: "off" });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const control = (path: string, method = "GET", body?: unknown) =>
  fetch(`${emu.url}/_emulator${path}`, {
    method,
    ...(body === undefined
      ? {}
      : typeof body === "string"
        ? { body, headers: { "Content-Type": "application/yaml" } }
        : { body: JSON.stringify(body), headers: { "Content-Type": "application/json" } }),
  });
const deleteEmpty = () => fetch(`${emu.url}/ncf/api/v2/packages/empty`, { method: "DELETE" });

describe("control API", () => {
  it("GET / lists the operations served and whether each has a handler", async () => {
    const r = await control("/");
    expect(r.status).toBe(200);
    const { operations } = (await json(r)) as { operations: { operationId: string; handled: boolean }[] };
    expect(operations.map((o) => o.operationId)).toEqual(
      expect.arrayContaining([
        "deletePackage",
        "deleteFunction",
        "getPackage",
        "listActions",
        "deleteAction",
        "createUserToken",
      ]),
    );
    expect(operations.every((o) => o.handled)).toBe(true);
  });

  it("POST /reset restores the seed and clears the log and faults", async () => {
    await deleteEmpty();
    await control("/faults", "POST", { operation: "deleteFunction", status: 503, probability: 1 });
    expect((await control("/reset", "POST")).status).toBe(204);
    expect(emu.state().ncp.packages.some((p) => p.name === "empty")).toBe(true);
    expect(await json(await control("/requests"))).toEqual([]);
    expect(await json(await control("/faults"))).toEqual([]);
  });

  it("GET and PUT /state, in the seed's shape (JSON or YAML), with field errors", async () => {
    const state = (await json(await control("/state"))) as ReturnType<Emulator["state"]>;
    expect(state).toEqual(emu.state());
    const put = await control("/state", "PUT", "ncp:\n  packages:\n    - { name: only, platform: vpc }\n");
    expect(put.status).toBe(200);
    expect(emu.state().ncp.packages).toEqual([{ name: "only", platform: "vpc", actions: [] }]);
    const bad = await control("/state", "PUT", { huawei: { functions: [{ urn: "x" }] } });
    expect(bad.status).toBe(400);
    expect(await json(bad)).toMatchObject({ error: { field: "huawei.functions[0].urn" } });
    expect((await control("/state", "PUT", "{")).status).toBe(400);
  });

  it("GET /requests records method, path, operation, status, code and auth, never a secret", async () => {
    await fetch(`${emu.url}/ncf/api/v2/packages/package001?platform=vpc`, {
      method: "DELETE",
      headers: { "x-ncp-apigw-signature-v2": "c2VjcmV0LXNpZ25hdHVyZQ==", "x-ncp-iam-access-key": "k" },
    });
    const records = (await json(await control("/requests"))) as Record<string, unknown>[];
    expect(records).toEqual([
      {
        time: expect.any(String),
        method: "DELETE",
        path: "/ncf/api/v2/packages/package001",
        operation: "deletePackage",
        status: 409,
        code: "80109",
        authPassed: true,
        authReason: "auth off",
        requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
        seq: expect.any(Number),
        query: "platform=vpc",
        durationMs: expect.any(Number),
        credential: "k",
      },
    ]);
    expect(JSON.stringify(records)).not.toContain("c2VjcmV0");
  });

  it("faults: times, then normal service; code defaults per API; DELETE clears", async () => {
    const added = await control("/faults", "POST", { operation: "deletePackage", status: 503, times: 2 });
    expect(added.status).toBe(201);
    expect(await json(added)).toMatchObject({ id: expect.any(Number), status: 503, times: 2 });
    const first = await deleteEmpty();
    expect(first.status).toBe(503);
    expect(await json(first)).toMatchObject({ error: { errorCode: "500" } });
    expect((await deleteEmpty()).status).toBe(503);
    expect((await deleteEmpty()).status).toBe(204);

    await control("/faults", "POST", {
      operation: "deleteFunction",
      status: 429,
      code: "FSS.0429",
      probability: 1,
    });
    const fn = `${emu.url}/v2/${PROJECT}/fgs/functions/${FUNCTION_URN}`;
    for (let i = 0; i < 3; i++) {
      const r = await fetch(fn, { method: "DELETE" });
      expect(r.status).toBe(429);
      expect(await json(r)).toMatchObject({ error_code: "FSS.0429" });
    }
    expect((await control("/faults", "DELETE")).status).toBe(204);
    expect((await fetch(fn, { method: "DELETE" })).status).toBe(204);
  });

  it("faults: delayMs alone delays a normal answer; reset drops the connection", async () => {
    await control("/faults", "POST", { delayMs: 50 });
    const started = Date.now();
    expect((await deleteEmpty()).status).toBe(204);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    await control("/faults", "POST", { operation: "getPackage", reset: true });
    await expect(fetch(`${emu.url}/ncf/api/v2/packages/package001`)).rejects.toThrow();
    expect((await fetch(`${emu.url}/ncf/api/v2/packages/package001`)).status).toBe(200);
  });

  it("refuses a malformed fault with the field and the rule", async () => {
    for (const [body, field] of [
      [{ operation: "nope", status: 500 }, "operation"],
      [{ status: 99 }, "status"],
      [{ status: 500, times: 1, probability: 0.5 }, "probability"],
      [{ status: 500, probability: 2 }, "probability"],
      [{ operation: "deletePackage" }, "status"],
      [{ status: 500, extra: true }, "extra"],
    ] as const) {
      const r = await control("/faults", "POST", body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(await json(r)).toMatchObject({ error: { field } });
    }
  });

  it("answers 404 and 405 for unknown control endpoints and methods, with a Date", async () => {
    const unknown = await control("/nope");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("date")).toBeTruthy();
    expect((await control("/state", "DELETE")).status).toBe(405);
  });
});

describe("--state persistence", () => {
  it("writes the state after every change (atomically) and loads it at the next start", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fnapi-emulator-state-"));
    const statePath = join(dir, "state.json");
    try {
      const first = await startEmulator({ port: 0, seed: testSeed(), auth: "off", statePath });
      expect(existsSync(statePath)).toBe(true);
      expect((await fetch(`${first.url}/ncf/api/v2/packages/empty`, { method: "DELETE" })).status).toBe(204);
      const written = JSON.parse(readFileSync(statePath, "utf8"));
      expect(written.ncp.packages.some((p: { name: string }) => p.name === "empty")).toBe(false);
      // no temporary file left behind; the lock is held while the emulator runs
      expect(readdirSync(dir)).toEqual(["state.json", "state.json.lock"]);
      await first.close();

      const second = await startEmulator({ port: 0, seed: testSeed(), auth: "off", statePath });
      expect((await fetch(`${second.url}/ncf/api/v2/packages/empty`, { method: "DELETE" })).status).toBe(404);
      expect(
        (await fetch(`${second.url}/ncf/api/v2/packages/old?platform=classic`, { method: "DELETE" })).status,
      ).toBe(204);
      second.reset(); // back to what was loaded (the file's state, not the seed), and written
      const reset = JSON.parse(readFileSync(statePath, "utf8"));
      expect(reset.ncp.packages.map((p: { name: string }) => p.name)).toContain("old");
      expect(reset.ncp.packages.map((p: { name: string }) => p.name)).not.toContain("empty");
      await second.close();
      expect(readdirSync(dir)).toEqual(["state.json"]); // the lock is released

      writeFileSync(statePath, '{"ncp": {"packages": [{"name": "-x"}]}}');
      await expect(startEmulator({ port: 0, statePath })).rejects.toMatchObject({
        field: "ncp.packages[0].name",
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
