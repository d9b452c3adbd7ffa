import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, CREDENTIALS_ENV, runBin, seed } from "./test/harness.js";

// fnapi emulator: the bin runs @fnapi/emulator in its own process; the other commands of the same bin work
// against it; Ctrl-C (SIGINT) stops it with exit 0.

const dir = mkdtempSync(join(tmpdir(), "fnapi-cli-emulator-"));
const seedPath = join(dir, "seed.json");
writeFileSync(seedPath, JSON.stringify(seed()));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { HOME: dir, ...CREDENTIALS_ENV };

interface Started {
  child: ChildProcess;
  firstLine: string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function startBin(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [BIN, "emulator", ...args], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no URL within 20 s: ${stderr}`));
    }, 20_000);
    child.stdout?.on("data", (c: Buffer) => {
      stdout += c.toString();
      const newline = stdout.indexOf("\n");
      if (newline !== -1) {
        clearTimeout(timer);
        resolve({ child, firstLine: stdout.slice(0, newline), stderr: () => stderr, exit });
      }
    });
    exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}: ${stderr}`));
    });
  });
}

describe("fnapi emulator", () => {
  it("prints its URL, serves the other commands with signatures verified, stops on SIGINT (exit 0)", async () => {
    const statePath = join(dir, "state.json");
    const emu = await startBin(["--port", "0", "--seed", seedPath, "--state", statePath]);
    try {
      expect(emu.firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const run = await runBin(
        ["ncf", "delete-package", "full", "--cascade", "--json", "--base-url", `${emu.firstLine}/ncf/api/v2`],
        env,
      );
      expect(run.code).toBe(0);
      expect(run.json()).toMatchObject({ package: "full", alreadyGone: false });
      // one line per request on the emulator's stderr; the state file follows every change
      expect(emu.stderr()).toMatch(/DELETE \/ncf\/api\/v2\/packages\/full 204 - deletePackage/);
      const state = JSON.parse(readFileSync(statePath, "utf8"));
      expect(state.ncp.packages.map((p: { name: string }) => p.name)).not.toContain("full");
    } finally {
      emu.child.kill("SIGINT");
    }
    expect(await emu.exit).toBe(0);
  });

  it("--json prints {url}; --auth off accepts any credentials", async () => {
    const emu = await startBin(["--port", "0", "--seed", seedPath, "--auth", "off", "--json"]);
    try {
      const { url } = JSON.parse(emu.firstLine) as { url: string };
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const run = await runBin(["ncf", "delete-package", "empty", "--base-url", `${url}/ncf/api/v2`], {
        ...env,
        NCLOUD_SECRET_KEY: "anything-at-all",
      });
      expect(run).toMatchObject({ code: 0, stdout: "deleted package empty (vpc)\n" });
    } finally {
      emu.child.kill("SIGTERM");
    }
    expect(await emu.exit).toBe(0);
  });

  it("an invalid seed or flag is exit 2 naming the field; a taken port is exit 1", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ ncp: { packages: [{ name: "p", platform: "cloud" }] } }));
    const invalid = await runBin(["emulator", "--port", "0", "--seed", bad], env);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('ncp.packages[0].platform: must be "vpc" or "classic"');
    const missing = await runBin(["emulator", "--port", "0", "--seed", join(dir, "none.json")], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("ENOENT");
    const port = await runBin(["emulator", "--port", "70000"], env);
    expect(port.code).toBe(2);
    const auth = await runBin(["emulator", "--port", "0", "--auth", "maybe"], env);
    expect(auth.code).toBe(2);
    expect(existsSync(join(dir, "none.json"))).toBe(false);

    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const taken = (server.address() as { port: number }).port;
      const run = await runBin(["emulator", "--port", String(taken)], env);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("the emulator could not start");
      expect(run.stderr).toContain("EADDRINUSE");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
