import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { beyondLoopback, CONTROL_TOKEN_ENV, runEmulatorCommand } from "./command.js";
import { startEmulator } from "./server.js";
import { testSeed } from "./test-support.js";

// The one emulator command, in this process: what the bin and `fnapi emulator` both run.

const dir = mkdtempSync(join(tmpdir(), "fnapi-emu-command-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(env: Record<string, string> = {}) {
  const out = { stdout: "", stderr: "" };
  const controller = new AbortController();
  let sawUrl: (url: string) => void = () => {};
  const url = new Promise<string>((resolve) => {
    sawUrl = resolve;
  });
  return {
    out,
    url,
    stop: () => controller.abort(),
    io: {
      stdout: {
        write(text: string) {
          out.stdout += text;
          if (out.stdout.includes("\n")) sawUrl(out.stdout.split("\n")[0] as string);
        },
      },
      stderr: { write: (text: string) => (out.stderr += text) },
      env,
      signal: controller.signal,
    },
  };
}

describe("runEmulatorCommand", () => {
  it("exits 1 with a clear message when another emulator holds the state file", async () => {
    const statePath = join(dir, "locked.json");
    writeFileSync(statePath, JSON.stringify(testSeed()));
    const holder = await startEmulator({ port: 0, statePath });
    try {
      const run = io();
      expect(await runEmulatorCommand(["--port", "0", "--state", statePath], run.io)).toBe(1);
      expect(run.out.stderr).toMatch(
        /could not start: the state file .*locked\.json is in use by another emulator \(pid \d+/,
      );
      expect(run.out.stdout).toBe("");
    } finally {
      await holder.close();
    }
  });

  it("takes the control token from the environment, prints {url} with --json, stops on its signal (exit 0)", async () => {
    const run = io({ [CONTROL_TOKEN_ENV]: "env-control-token" });
    const exit = runEmulatorCommand(["--port", "0", "--json"], run.io);
    const { url } = JSON.parse(await run.url) as { url: string };
    expect((await fetch(`${url}/_emulator/state`)).status).toBe(401);
    const allowed = await fetch(`${url}/_emulator/state`, {
      headers: { Authorization: "Bearer env-control-token" },
    });
    expect(allowed.status).toBe(200);
    run.stop();
    expect(await exit).toBe(0);
    expect(run.out.stderr).not.toContain("env-control-token");
  });

  it("refuses bad usage with exit 2 and the usage text", async () => {
    const run = io();
    expect(await runEmulatorCommand(["--control-token", "short"], run.io)).toBe(2);
    expect(run.out.stderr).toContain("at least 8 characters");
    expect(await runEmulatorCommand(["--nope"], io().io)).toBe(2);
  });

  it("warns only when listening beyond loopback", () => {
    expect(["127.0.0.1", "127.1.2.3", "::1", "localhost"].map(beyondLoopback)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(["0.0.0.0", "::", "192.168.1.10", "my-host"].map(beyondLoopback)).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });
});
