import { spawn, spawnSync } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { assertNoSecret, BIN, CREDENTIALS_ENV, type Harness, startHarness } from "./test/harness.js";

// A cascade shows its progress on stderr when stderr is a terminal. util-linux `script` gives the bin a
// pseudo-terminal (stdout and stderr both go to it); where `script` is missing, the test is skipped.

const hasScript = process.platform === "linux" && spawnSync("script", ["--version"]).status === 0;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

function inTerminal(args: string[]): Promise<{ code: number | null; output: string }> {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const child = spawn("script", ["-qec", command, "/dev/null"], {
    env: { PATH: process.env.PATH ?? "", HOME: h.home, ...CREDENTIALS_ENV },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => {
    output += c.toString();
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  return new Promise((resolve) =>
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output: output.replace(/\r\n/g, "\n") });
    }),
  );
}

it.skipIf(!hasScript)("a cascade in a terminal shows each step on stderr", async () => {
  const { code, output } = await inTerminal([
    "ncf",
    "delete-package",
    "full",
    "--cascade",
    "--base-url",
    h.ncf,
  ]);
  assertNoSecret(output);
  expect(code).toBe(0);
  expect(output).toContain("round 1: 6 actions to delete in full\n");
  for (const action of ["a1", "a2", "a3", "a4", "a5", "a6"])
    expect(output).toMatch(new RegExp(`deleted: action ${action} \\(\\d/6\\)`));
  expect(output).toContain("(6/6)");
  expect(output).toContain("deleted: package full\n");
  expect(output).toContain("deleted package full (vpc) and its 6 actions\n");
});
