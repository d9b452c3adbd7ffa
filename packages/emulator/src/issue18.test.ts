import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "./server.js";
import { FUNCTION_URN, json, PROJECT, testSeed } from "./test-support.js";

// Issue 18's numbered findings, each as an attacker or an unlucky disk would reproduce it.

const dir = mkdtempSync(join(tmpdir(), "fnapi-emu-18-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const open: Emulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});
async function start(options: Parameters<typeof startEmulator>[0] = {}): Promise<Emulator> {
  const emu = await startEmulator({ port: 0, auth: "off", ...options });
  open.push(emu);
  return emu;
}

/** A raw request, so that Host can be anything (fetch sets it itself). */
function raw(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => {
        text += c.toString();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

let fileCount = 0;
const stateFile = (content?: unknown) => {
  const path = join(dir, `state-${++fileCount}.json`);
  if (content !== undefined) writeFileSync(path, JSON.stringify(content));
  return path;
};

describe("issue 18 item 1: the control API is closed to web pages", () => {
  it("refuses a foreign Host (DNS rebinding) and answers plain curl-like requests", async () => {
    const emu = await start({ seed: testSeed() });
    const rebound = await raw(`${emu.url}/_emulator/state`, "GET", { Host: "attacker.example:4010" });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain("ncp-test-secret");
    const local = await raw(`${emu.url}/_emulator/state`, "GET", {});
    expect(local.status).toBe(200);
    const named = await raw(`${emu.url}/_emulator/state`, "GET", { Host: "localhost" });
    expect(named.status).toBe(200);
  });

  it("refuses cross-origin simple requests and non-JSON writes", async () => {
    const emu = await start({ seed: testSeed() });
    const fault = JSON.stringify({ status: 503, times: 1 });
    const crossFault = await raw(
      `${emu.url}/_emulator/faults`,
      "POST",
      { "Content-Type": "text/plain", Origin: "http://attacker.example" },
      fault,
    );
    expect(crossFault.status).toBe(403);
    const crossReset = await raw(`${emu.url}/_emulator/reset`, "POST", { Origin: "http://attacker.example" });
    expect(crossReset.status).toBe(403);
    const fetchMeta = await raw(`${emu.url}/_emulator/state`, "GET", { "Sec-Fetch-Site": "cross-site" });
    expect(fetchMeta.status).toBe(403);
    const textPlain = await raw(
      `${emu.url}/_emulator/faults`,
      "POST",
      { "Content-Type": "text/plain" },
      fault,
    );
    expect(textPlain.status).toBe(415);
    expect(await json(await fetch(`${emu.url}/_emulator/faults`))).toEqual([]);
    const asJson = await raw(
      `${emu.url}/_emulator/faults`,
      "POST",
      { "Content-Type": "application/json" },
      fault,
    );
    expect(asJson.status).toBe(201);
  });

  it("requires the control token when one is set, and keeps it out of every answer", async () => {
    const emu = await start({ seed: testSeed(), controlToken: "s3cret-control-token" });
    expect((await fetch(`${emu.url}/_emulator/state`)).status).toBe(401);
    const wrong = await fetch(`${emu.url}/_emulator/state`, { headers: { Authorization: "Bearer nope" } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${emu.url}/_emulator/state`, {
      headers: { Authorization: "Bearer s3cret-control-token" },
    });
    expect(right.status).toBe(200);
    expect(await right.text()).not.toContain("s3cret-control-token");
  });
});

describe("issue 18 item 2: reset returns to what was loaded", () => {
  it("with --state and no seed, reset restores the file's state and leaves the file whole", async () => {
    const path = stateFile(testSeed());
    const emu = await start({ statePath: path });
    const loaded = emu.state();
    expect((await fetch(`${emu.url}/ncf/api/v2/packages/empty`, { method: "DELETE" })).status).toBe(204);
    expect((await fetch(`${emu.url}/_emulator/reset`, { method: "POST" })).status).toBe(204);
    expect(emu.state()).toEqual(loaded);
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual(loaded);
  });
});

describe("issue 18 item 3: a failed write changes nothing", () => {
  it("answers 500 in the API's shape and keeps memory and file as they were", async () => {
    const path = stateFile(testSeed());
    const emu = await start({ statePath: path });
    const before = readFileSync(path, "utf8");
    // The temporary file the write goes through cannot be created: a folder sits where it would be.
    mkdirSync(`${path}.${process.pid}.tmp`);
    const ncf = await fetch(`${emu.url}/ncf/api/v2/packages/empty`, { method: "DELETE" });
    expect(ncf.status).toBe(500);
    expect(await json(ncf)).toMatchObject({ error: { errorCode: "900" } });
    const fgs = await fetch(`${emu.url}/v2/${PROJECT}/fgs/functions/${FUNCTION_URN}`, { method: "DELETE" });
    expect(fgs.status).toBe(500);
    expect(await json(fgs)).toMatchObject({ error_code: "FSS.0500" });
    expect(emu.state().ncp.packages.some((p) => p.name === "empty")).toBe(true);
    expect(emu.state().huawei.functions.some((f) => f.urn === FUNCTION_URN)).toBe(true);
    expect(readFileSync(path, "utf8")).toBe(before);
    rmSync(`${path}.${process.pid}.tmp`, { recursive: true });
    // The next successful write carries only its own change.
    expect(
      (await fetch(`${emu.url}/ncf/api/v2/packages/old?platform=classic`, { method: "DELETE" })).status,
    ).toBe(204);
    const written = JSON.parse(readFileSync(path, "utf8")) as ReturnType<Emulator["state"]>;
    expect(written.ncp.packages.map((p) => p.name)).toContain("empty");
    expect(written.huawei.functions.map((f) => f.urn)).toContain(FUNCTION_URN);
  });
});

describe("issue 18 item 4: one emulator per state file", () => {
  it("refuses a second emulator on the same file, and takes over a stale lock", async () => {
    const path = stateFile(testSeed());
    const first = await start({ statePath: path });
    await expect(start({ statePath: path })).rejects.toThrow(/lock/);
    await first.close();
    open.splice(open.indexOf(first), 1);
    // A lock left by a process that no longer runs.
    writeFileSync(
      `${path}.lock`,
      JSON.stringify({ pid: 2 ** 22 + 12345, hostname: (await import("node:os")).hostname() }),
    );
    const second = await start({ statePath: path });
    expect(second.state().ncp.packages.length).toBeGreaterThan(0);
    await second.close();
    open.splice(open.indexOf(second), 1);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });
});

describe("issue 18 item 5: a symlinked state file", () => {
  it("writes through the link to its target", async () => {
    const target = stateFile(testSeed());
    const link = join(dir, `link-${fileCount}.json`);
    symlinkSync(target, link);
    const emu = await start({ statePath: link });
    expect((await fetch(`${emu.url}/ncf/api/v2/packages/empty`, { method: "DELETE" })).status).toBe(204);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    const written = JSON.parse(readFileSync(target, "utf8")) as ReturnType<Emulator["state"]>;
    expect(written.ncp.packages.map((p) => p.name)).not.toContain("empty");
  });
});

describe("issue 18 item 6: bounded memory", () => {
  it("cuts long fields in the request log, marks them, and pages GET /requests", async () => {
    const emu = await start({ seed: testSeed() });
    const long = "x".repeat(14_000);
    for (let i = 0; i < 20; i++)
      await fetch(`${emu.url}/ncf/api/v2/packages/${long}${i}`, { method: "DELETE" });
    const records = emu.requests();
    expect(records).toHaveLength(20);
    expect(JSON.stringify(records).length).toBeLessThan(20 * 3_000);
    expect(records[0]?.path).toMatch(/cut \d+ bytes/);
    const page = await fetch(`${emu.url}/_emulator/requests?limit=5`);
    expect(page.status).toBe(200);
    expect((await json(page)) as unknown[]).toHaveLength(5);
  });

  it("drops expired IAM tokens and caps their number", { timeout: 120_000 }, async () => {
    let now = Date.parse("2026-01-01T00:00:00Z");
    const emu = await start({
      seed: {
        huawei: {
          users: [{ domain: "d", name: "u", password: "p" }],
          projects: [{ id: PROJECT, name: "cn-north-4" }],
        },
      },
      clock: () => now,
    });
    const login = () =>
      fetch(`${emu.url}/v3/auth/tokens`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          auth: {
            identity: {
              methods: ["password"],
              password: { user: { name: "u", password: "p", domain: { name: "d" } } },
            },
            scope: { project: { id: PROJECT } },
          },
        }),
      });
    for (let i = 0; i < 3; i++) expect((await login()).status).toBe(201);
    now += 25 * 3600_000;
    expect((await login()).status).toBe(201);
    expect(emu.state().huawei.tokens).toHaveLength(1);
    for (let batch = 0; batch < 22; batch++) await Promise.all(Array.from({ length: 50 }, login));
    expect(emu.state().huawei.tokens.length).toBeLessThanOrEqual(1000);
  });
});
