import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FUNCTION_URN, type Harness, startHarness } from "./test/harness.js";

// The five listing commands against the emulator: a table in text, one object with --json, filtered with
// prune's own --match/--exclude/--older-than rules.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.emu.reset());

const rows = (stdout: string) => stdout.trimEnd().split("\n");

describe("fnapi fgs list-functions | list-versions | list-aliases", () => {
  it("list-functions: a table, --json one object, --match and --older-than as prune reads them", async () => {
    const text = await h.fnapi(["fgs", "list-functions", "--base-url", h.fgs]);
    expect(text.code).toBe(0);
    expect(rows(text.stdout)[0]).toMatch(/^NAME\s+PACKAGE\s+LAST MODIFIED$/);
    expect(
      rows(text.stdout)
        .slice(1)
        .map((r) => r.split(/\s+/)[0]),
    ).toEqual(["hello", "other"]);
    const json = await h.fnapi(["fgs", "list-functions", "--json", "--match", "hel*", "--base-url", h.fgs]);
    expect(json.json()).toMatchObject({
      command: "fgs list-functions",
      criteria: { match: ["hel*"], exclude: [] },
      count: 1,
      functions: [{ name: "hello", package: "default", urn: FUNCTION_URN }],
    });
    // Seeded without a date: last changed now, so not older than a day; nothing is old enough.
    const old = await h.fnapi(["fgs", "list-functions", "--older-than", "1d", "--base-url", h.fgs]);
    expect(old).toMatchObject({ code: 0, stdout: "no functions\n" });
    const bad = await h.fnapi(["fgs", "list-functions", "--older-than", "7", "--base-url", h.fgs]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--older-than is "7"; give a number and a unit');
  });

  it("list-versions and list-aliases, by URN or by name, text and --json", async () => {
    const versions = await h.fnapi(["fgs", "list-versions", "hello", "--base-url", h.fgs]);
    expect(versions.code).toBe(0);
    expect(rows(versions.stdout)[0]).toMatch(/^VERSION\s+LAST MODIFIED$/);
    expect(versions.stdout).toMatch(/\nv1 /);
    const json = await h.fnapi([
      "fgs",
      "list-versions",
      FUNCTION_URN,
      "--json",
      "--match",
      "v2",
      "--base-url",
      h.fgs,
    ]);
    expect(json.json()).toMatchObject({
      command: "fgs list-versions",
      count: 1,
      versions: [{ version: "v2" }],
    });
    const aliases = await h.fnapi(["fgs", "list-aliases", "hello", "--base-url", h.fgs]);
    expect(rows(aliases.stdout)).toEqual([
      expect.stringMatching(/^ALIAS\s+VERSION\s+WEIGHTS$/),
      expect.stringMatching(/^prod\s+v1\s+-$/),
    ]);
    const aliasJson = await h.fnapi(["fgs", "list-aliases", "hello", "--json", "--base-url", h.fgs]);
    expect(aliasJson.json()).toMatchObject({ count: 1, aliases: [{ name: "prod", version: "v1" }] });
    const none = await h.fnapi(["fgs", "list-versions", "nope", "--base-url", h.fgs]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no function named "nope"');
  });
});

describe("fnapi ncf list-packages | list-actions", () => {
  it("list-packages: a table per platform, --json one object, --match; --older-than says why not", async () => {
    const text = await h.fnapi(["ncf", "list-packages", "--base-url", h.ncf]);
    expect(text.code).toBe(0);
    expect(rows(text.stdout).map((r) => r.split(/\s+/)[0])).toEqual(["PACKAGE", "full", "empty"]);
    const classic = await h.fnapi([
      "ncf",
      "list-packages",
      "--platform",
      "classic",
      "--json",
      "--base-url",
      h.ncf,
    ]);
    expect(classic.json()).toMatchObject({ platform: "classic", count: 1, packages: [{ name: "old" }] });
    const matched = await h.fnapi(["ncf", "list-packages", "--match", "f*", "--json", "--base-url", h.ncf]);
    expect(matched.json()).toMatchObject({
      criteria: { match: ["f*"] },
      count: 1,
      packages: [{ name: "full" }],
    });
    const age = await h.fnapi(["ncf", "list-packages", "--older-than", "7d", "--base-url", h.ncf]);
    expect(age.code).toBe(2);
    expect(age.stderr).toContain("does not say when a package or action last changed");
    expect(h.emu.requests()).toHaveLength(3);
  });

  it("list-actions: a table, --json one object, --match and --exclude", async () => {
    const text = await h.fnapi([
      "ncf",
      "list-actions",
      "full",
      "--match",
      "a?",
      "--exclude",
      "a1",
      "--base-url",
      h.ncf,
    ]);
    expect(rows(text.stdout).map((r) => r.split(/\s+/)[0])).toEqual(["ACTION", "a2", "a3", "a4", "a5", "a6"]);
    const json = await h.fnapi([
      "ncf",
      "list-actions",
      "full",
      "--json",
      "--match",
      "a6",
      "--base-url",
      h.ncf,
    ]);
    expect(json.json()).toMatchObject({ command: "ncf list-actions", count: 1, actions: [{ name: "a6" }] });
  });
});
