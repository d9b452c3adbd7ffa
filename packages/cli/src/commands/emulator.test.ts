import { describe, expect, it } from "vitest";
import { run } from "./emulator.js";

// `fnapi emulator` in the one-file-per-command shape: @fnapi/emulator's own command, loaded on first use.

function io() {
  const out = { stdout: "", stderr: "" };
  return {
    out,
    io: {
      stdout: { write: (text: string) => (out.stdout += text) },
      stderr: { write: (text: string) => (out.stderr += text) },
      env: {},
    },
  };
}

describe("fnapi emulator (run)", () => {
  it("runs the emulator's own command: --help, and exit 2 for bad usage", async () => {
    const help = io();
    expect(await run(["--help"], help.io)).toBe(0);
    expect(help.out.stdout).toContain("--control-token");
    const bad = io();
    expect(await run(["--port", "70000"], bad.io)).toBe(2);
    expect(bad.out.stderr).toMatch(/^fnapi emulator: --port must be 0-65535/);
  });
});
