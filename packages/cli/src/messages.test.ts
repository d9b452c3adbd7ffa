import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { FUNCTION_URN, type Harness, startHarness } from "./test/harness.js";

// Messages that say what to do next (#19): each names the flag, argument or variable that fixes it.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.emu.reset());

it("400 80102/80302 (the package is on the other platform) suggests the other --platform", async () => {
  const run = await h.fnapi(["ncf", "delete-package", "old", "--base-url", h.ncf]);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain("400 80102");
  expect(run.stderr).toContain("The package is on the other platform: pass --platform classic.");
  const action = await h.fnapi(["ncf", "delete-action", "old", "legacy", "--base-url", h.ncf]);
  expect(action.stderr).toContain("400 80302");
  expect(action.stderr).toContain("pass --platform classic.");
});

it("a dropped connection is said in words, the code in parentheses", async () => {
  await h.fault({ operation: "deletePackage", reset: true, times: 3 });
  const run = await h.fnapi(["ncf", "delete-package", "empty", "--base-url", h.ncf]);
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(
    /network error reaching 127\.0\.0\.1:\d+: (the connection was closed before the answer was complete \(UND_ERR_SOCKET\)|the connection was reset \(ECONNRESET\))/,
  );
});

it("a bad value names the flag, in plain grammar", async () => {
  const run = await h.fnapi(["ncf", "delete-package", "p", "--platform", "VPC", "--base-url", h.ncf]);
  expect(run.code).toBe(2);
  expect(run.stderr).toBe(
    'fnapi: --platform is "VPC"; it must be "vpc" or "classic"\nPass --platform vpc or --platform classic.\n',
  );
  const latest = await h.fnapi(["fgs", "delete-function", `${FUNCTION_URN}:latest`, "--base-url", h.fgs]);
  expect(latest.code).toBe(2);
  expect(latest.stderr).toMatch(
    /^fnapi: the <urn> argument names the version latest, which cannot be deleted; pass the 7-field URN/,
  );
  expect(latest.stderr).not.toContain("invalid ");
});

it("deleting the version an alias points to never reads as if the function went", async () => {
  const run = await h.fnapi(["fgs", "delete-function", `${FUNCTION_URN}:!prod`, "--base-url", h.fgs]);
  expect(run).toMatchObject({
    code: 0,
    stdout:
      "deleted the version of function default/hello that alias prod points to (the function and its other versions stay)\n",
  });
});

it("fgs delete-function --help: --dry-run checks the URN, not a platform", async () => {
  const run = await h.fnapi(["fgs", "delete-function", "--help"]);
  const dryRun = run.stdout.slice(run.stdout.indexOf("--dry-run "), run.stdout.indexOf("Global flags"));
  expect(dryRun).toContain("the URN");
  expect(dryRun).not.toContain("platform");
});
