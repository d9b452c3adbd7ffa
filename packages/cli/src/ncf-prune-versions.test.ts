import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Emulator, startEmulator } from "@fnapi/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CREDENTIALS_ENV, NCP, runInProcess } from "./test/harness.js";

// fnapi ncf prune --keep-versions N (API v3) against a seeded emulator, signatures verified: every matching
// package's actions keep their newest N versions; other packages are untouched; nothing else is deleted.

const versions = (...names: string[]) =>
  names.map((name, i) => ({ name, createdDateTime: `2026-11-0${i + 1}T00:00:00Z` }));
const seed = {
  ncp: {
    credentials: [NCP],
    packages: [
      { name: "ci-a", platform: "vpc", actions: ["build", "test"] },
      { name: "ci-b", platform: "vpc", actions: ["deploy"] },
      { name: "prod", platform: "vpc", actions: ["api"] },
    ],
    actionVersions: [
      { package: "ci-a", action: "build", versions: versions("v1", "v2", "v3") },
      { package: "ci-a", action: "test", versions: versions("t1") },
      { package: "ci-b", action: "deploy", versions: versions("d1", "d2") },
      { package: "prod", action: "api", versions: versions("p1", "p2") },
    ],
  },
};

let emu: Emulator;
const home = mkdtempSync(join(tmpdir(), "fnapi-cli-home-"));
beforeAll(async () => {
  emu = await startEmulator({ port: 0, seed: seed as never, auth: "verify" });
});
afterAll(async () => {
  await emu?.close();
  rmSync(home, { recursive: true, force: true });
});

const fnapi = (...args: string[]) =>
  runInProcess(["ncf", "prune", "--base-url", `${emu.url}/api/v3`, ...args], {
    HOME: home,
    ...CREDENTIALS_ENV,
  });
const left = () =>
  Object.fromEntries(
    (
      (
        emu.state().ncp as {
          actionVersions?: { package: string; action: string; versions: { name: string }[] }[];
        }
      ).actionVersions ?? []
    ).map((e) => [`${e.package}/${e.action}`, e.versions.map((v) => v.name)]),
  );

// Each case runs the fnapi binary against the emulator: seconds idle, many times that on a loaded machine; the
// cases count what was done, this bound only stops a hung run.
describe("fnapi ncf prune --keep-versions", { timeout: 180_000 }, () => {
  it("--match 'ci-*' --keep-versions 1 --yes leaves each matching action's newest version and nothing else", async () => {
    const dry = await fnapi("--match", "ci-*", "--keep-versions", "1", "--dry-run");
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain("plan: delete 3 action versions, keeping the newest 1 of each action");
    const run = await fnapi("--match", "ci-*", "--keep-versions", "1", "--yes", "--json");
    expect(run.code, run.stderr).toBe(0);
    expect((run.json() as { report: { counts: Record<string, number> } }).report.counts).toMatchObject({
      deleted: 3,
      failed: 0,
      remaining: 0,
    });
    expect(left()).toEqual({
      "ci-a/build": ["v3"],
      "ci-a/test": ["t1"],
      "ci-b/deploy": ["d2"],
      "prod/api": ["p1", "p2"],
    });
    expect(emu.state().ncp.packages.map((p) => p.name)).toEqual(["ci-a", "ci-b", "prod"]);
    const again = await fnapi("--match", "ci-*", "--keep-versions", "1", "--yes");
    expect(again.stdout).toContain("nothing to delete");
  });

  it("fnapi ncf list-packages and list-actions show what prune sees (text and --json), through /api/v3", async () => {
    const base = ["--base-url", `${emu.url}/api/v3`];
    const env = { HOME: home, ...CREDENTIALS_ENV };
    const text = await runInProcess(["ncf", "list-packages", "--match", "ci-*", ...base], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^PACKAGE.*\nci-a\s*\nci-b\s*\n$/);
    const json = await runInProcess(["ncf", "list-actions", "ci-a", "--json", ...base], env);
    expect((json.json().actions as { name: string }[]).map((a) => a.name)).toEqual(["build", "test"]);
  });

  it("needs API v3: with --api v2.1 it is exit 2 before anything is deleted", async () => {
    const before = emu.requests().length;
    const run = await fnapi("--match", "ci-*", "--keep-versions", "1", "--yes", "--api", "v2.1");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--api v3");
    expect(emu.requests().length).toBe(before);
  });
});
