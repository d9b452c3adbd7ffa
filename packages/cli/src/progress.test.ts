import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { type Harness, startHarness } from "./test/harness.js";

// A cascade shows its progress on stderr when stderr is a terminal (io.isTTY), and not otherwise. In-process:
// no pseudo-terminal (util-linux `script`) is needed, so the test runs, and can fail, everywhere.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.emu.reset());

it("a cascade in a terminal shows each step on stderr", async () => {
  const run = await h.fnapi(["ncf", "delete-package", "full", "--cascade", "--base-url", h.ncf], {
    isTTY: true,
  });
  expect(run.code).toBe(0);
  expect(run.stderr).toContain("round 1: 6 actions to delete in full\n");
  for (const action of ["a1", "a2", "a3", "a4", "a5", "a6"])
    expect(run.stderr).toMatch(new RegExp(`deleted: action ${action} \\(\\d/6\\)`));
  expect(run.stderr).toContain("(6/6)");
  expect(run.stderr).toContain("deleted: package full\n");
  expect(run.stdout).toBe("deleted package full (vpc) and its 6 actions\n");
});

it("not in a terminal: no progress, stderr stays empty", async () => {
  const run = await h.fnapi(["ncf", "delete-package", "full", "--cascade", "--base-url", h.ncf]);
  expect(run).toMatchObject({
    code: 0,
    stderr: "",
    stdout: "deleted package full (vpc) and its 6 actions\n",
  });
});
