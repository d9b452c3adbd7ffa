import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testSeed } from "./test-support.js";

// The bin as a child process (from source, through tsx): its URL on stdout's first line, a line per request
// on stderr, exit code 2 for bad usage and invalid seeds, and --state surviving a SIGKILL.

const cli = join(dirname(fileURLToPath(import.meta.url)), "cli.ts");
const dir = mkdtempSync(join(tmpdir(), "fnapi-emulator-cli-"));
const seedPath = join(dir, "seed.json");
writeFileSync(seedPath, JSON.stringify(testSeed()));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Running {
  child: ChildProcess;
  url: string;
  stderr: () => string;
}

function run(args: string[]): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", cli, ...args], { stdio: ["ignore", "pipe", "pipe"] });
}

function start(args: string[]): Promise<Running> {
  const child = run(["--port", "0", ...args]);
  let stdout = "";
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 20 s: ${stderr}`)), 20_000);
    child.stdout?.on("data", (c: Buffer) => {
      stdout += c.toString();
      const line = stdout.split("\n");
      if (line.length > 1) {
        clearTimeout(timer);
        resolve({ child, url: line[0] as string, stderr: () => stderr });
      }
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stderr })));
}

describe("fnapi-emulator", () => {
  let running: Running;
  beforeAll(async () => {
    running = await start(["--seed", seedPath, "--auth", "off"]);
  });
  afterAll(() => {
    running.child.kill("SIGTERM");
  });

  it("prints its base URL alone on the first line, and logs each request on stderr", async () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${running.url}/ncf/api/v2/packages/empty`, { method: "DELETE" })).status).toBe(204);
    await expect
      .poll(() => running.stderr())
      .toMatch(/DELETE \/ncf\/api\/v2\/packages\/empty 204 - deletePackage/);
  });

  it("exits 0 on SIGTERM", async () => {
    const other = await start([]);
    const exit = exitOf(other.child);
    other.child.kill("SIGTERM");
    expect((await exit).code).toBe(0);
  });

  it("exits 2 with the field and the rule for an invalid seed", async () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "huawei:\n  functions:\n    - urn: nope\n");
    const { code, stderr } = await exitOf(run(["--seed", bad]));
    expect(code).toBe(2);
    expect(stderr).toContain("huawei.functions[0].urn: must be a 7-field function URN");
  });

  it("exits 2 for bad usage", async () => {
    for (const args of [
      ["--auth", "maybe"],
      ["--port", "http"],
      ["--unknown"],
      ["--seed", join(dir, "missing.json")],
    ]) {
      const { code, stderr } = await exitOf(run(args));
      expect(code, args.join(" ")).toBe(2);
      expect(stderr).toContain("Usage: fnapi-emulator");
    }
  });

  it("exits 1 when the port is taken", async () => {
    const port = new URL(running.url).port;
    const { code, stderr } = await exitOf(run(["--port", port]));
    expect(code).toBe(1);
    expect(stderr).toContain("could not start");
  });

  it("--state: a SIGKILLed emulator loses nothing it acknowledged", async () => {
    const statePath = join(dir, "state.json");
    const first = await start(["--seed", seedPath, "--state", statePath, "--auth", "off"]);
    expect((await fetch(`${first.url}/ncf/api/v2/packages/empty`, { method: "DELETE" })).status).toBe(204);
    const killed = exitOf(first.child);
    first.child.kill("SIGKILL");
    await killed;
    expect(
      JSON.parse(readFileSync(statePath, "utf8")).ncp.packages.map((p: { name: string }) => p.name),
    ).not.toContain("empty");
    const second = await start(["--seed", seedPath, "--state", statePath, "--auth", "off"]);
    try {
      expect((await fetch(`${second.url}/ncf/api/v2/packages/empty`, { method: "DELETE" })).status).toBe(404);
    } finally {
      second.child.kill("SIGTERM");
    }
  });
});
