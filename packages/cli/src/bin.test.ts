import { spawn } from "node:child_process";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  assertNoSecret,
  BIN,
  CREDENTIALS_ENV,
  FUNCTION_URN,
  type Harness,
  startHarness,
} from "./test/harness.js";

// A few end-to-end runs of the built bin (what `npx fnapi` runs) against the emulator: the rest of the CLI
// tests run in-process. Here: the process's own streams, environment, exit code and signals.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.emu.reset());

describe("the bin", () => {
  it("deletes through both clouds with credentials from the environment (exit 0)", async () => {
    const ncf = await h.fnapiBin([
      "ncf",
      "delete-package",
      "full",
      "--cascade",
      "--json",
      "--base-url",
      h.ncf,
    ]);
    expect(ncf.code).toBe(0);
    expect(ncf.json()).toMatchObject({ package: "full", rounds: 1, alreadyGone: false });
    const fgs = await h.fnapiBin(["fgs", "delete-function", FUNCTION_URN, "--base-url", h.fgs]);
    expect(fgs).toMatchObject({ code: 0, stdout: "deleted function default/hello\n" });
  });

  it("exit 2 on bad usage, 1 on an API error", async () => {
    expect((await h.fnapiBin(["ncf", "delete-package", "p", "--cascde"])).code).toBe(2);
    const missing = await h.fnapiBin(["ncf", "delete-package", "nope", "--base-url", h.ncf]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("404 80101");
  });

  it("a real SIGINT in the middle of a cascade: exit 130, what was done on stdout", async () => {
    await h.fault({ operation: "deleteAction", delayMs: 300, probability: 1 });
    const child = spawn(
      process.execPath,
      [BIN, "ncf", "delete-package", "full", "--cascade", "--json", "--base-url", h.ncf],
      {
        env: { PATH: process.env.PATH ?? "", HOME: h.home, ...CREDENTIALS_ENV },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    // Interrupt once the first action DELETE reached the emulator (polled; no timing assumption).
    const kill = setTimeout(() => child.kill("SIGKILL"), 20_000);
    const poll = setInterval(() => {
      if (h.emu.requests().some((r) => r.method === "DELETE")) {
        clearInterval(poll);
        child.kill("SIGINT");
      }
    }, 10);
    const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
    clearTimeout(kill);
    clearInterval(poll);
    assertNoSecret(stdout + stderr);
    expect(code).toBe(130);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ interrupted: "SIGINT", package: "full", packageDeleted: false });
    expect(h.emu.state().ncp?.packages?.some((p) => p.name === "full")).toBe(true);
  });
});
