import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { API_MODULES } from "./apis/index.js";
import { parseSeedText, SeedError } from "./seed.js";
import { startEmulator } from "./server.js";
import { readBundledSpecs } from "./spec-catalog.js";
import { seedRules } from "./state-rules.js";
import { STATE_BYTE_LIMIT } from "./state-size.js";
import { openStateStore, SnapshotError } from "./state-store.js";
import { json, testSeed } from "./test-support.js";

// Issue #24 class 9, the state's part: a state is bounded by what it becomes, not by the text it came in.
// YAML aliases share one node while parsed, but the checked state, the state file and every snapshot hold
// each use as a copy, so a 1 MB document can become 90 MB (and 5 snapshots of it exhaust the heap).

const dir = mkdtempSync(join(tmpdir(), "fnapi-emu-bounds-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The issue's case: `anchors` anchored 9 KB descriptions, each used `uses` times in its package's parameters. */
function wideAliases(anchors = 100, uses = 99): string {
  const lines = ["ncp:", "  packages:"];
  for (let a = 0; a < anchors; a++) {
    const aliases = Array(uses).fill(`*d${a}`).join(",");
    lines.push(
      `    - { name: a${a}, platform: vpc, actions: [], description: &d${a} "${"x".repeat(9000)}", parameters: { v: [${aliases}] } }`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** The classic "billion laughs": each level a list of ten aliases of the level below. */
function nestedAliases(levels = 9): string {
  const lines = ['l0: &l0 "lol"'];
  for (let i = 1; i <= levels; i++)
    lines.push(
      `l${i}: &l${i} [${Array(10)
        .fill(`*l${i - 1}`)
        .join(", ")}]`,
    );
  return `ncp:\n  packages:\n    - { name: p, platform: vpc, actions: [], parameters: { all: *l${levels} } }\nx:\n  ${lines.join("\n  ")}\n`;
}

const refused = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("accepted");
};

/** Parsing 1 MB of YAML takes seconds on a loaded machine: a bound that holds fully loaded. */
const LOADED_MS = 600_000;

describe("class 9: a state's expanded size is bounded", () => {
  it(
    "refuses 100 anchors used 99 times each (0.95 MB of YAML, 89 MB expanded), naming the rule",
    () => {
      const text = wideAliases();
      expect(text.length).toBeLessThan(1024 * 1024);
      const error = refused(() => parseSeedText(text));
      expect(error).toBeInstanceOf(SeedError);
      expect((error as SeedError).field).toBe("(document)");
      expect((error as SeedError).message).toMatch(/at most 32 MiB once YAML aliases are expanded/);
    },
    LOADED_MS,
  );

  it("refuses nested aliases (billion laughs) before expanding them", () => {
    const started = performance.now();
    const error = refused(() => parseSeedText(nestedAliases()));
    expect(error).toBeInstanceOf(SeedError);
    expect((error as SeedError).message).toMatch(/alias/i);
    expect(performance.now() - started).toBeLessThan(30_000); // a bound a loaded machine meets; unbounded is hours
  });

  it("accepts anchors whose expansion stays under the bound", () => {
    const state = parseSeedText(wideAliases(3, 5));
    expect(state.ncp.packages).toHaveLength(3);
    expect(state.ncp.packages[2]?.parameters).toEqual({ v: Array(5).fill("x".repeat(9000)) });
  });

  it(
    "refuses the same through PUT /_emulator/state and in a state file at start",
    async () => {
      const emu = await startEmulator({ port: 0, seed: testSeed(), auth: "off" });
      try {
        const put = await fetch(`${emu.url}/_emulator/state`, {
          method: "PUT",
          headers: { "content-type": "application/yaml" },
          body: wideAliases(),
        });
        expect(put.status).toBe(400);
        expect(JSON.stringify(await json(put))).toMatch(/once YAML aliases are expanded/);
        expect(emu.state().ncp.packages.map((p) => p.name)).toContain("package001");
      } finally {
        await emu.close();
      }
      const statePath = join(dir, "laughs.yaml");
      writeFileSync(statePath, wideAliases());
      await expect(startEmulator({ port: 0, statePath })).rejects.toThrow(/once YAML aliases are expanded/);
    },
    LOADED_MS,
  );
});

describe("class 9: snapshots are bounded by what they hold together", () => {
  const rules = seedRules(readBundledSpecs(), API_MODULES);
  const big = () => ({
    ncp: { packages: [{ name: "p", platform: "vpc", actions: [], description: "d".repeat(100_000) }] },
  });

  it("refuses a snapshot past the total, counts a re-saved name once, and frees room on delete", () => {
    const store = openStateStore({ seed: big(), rules, snapshotByteLimit: 350_000 });
    store.snapshot("a");
    store.snapshot("b");
    store.snapshot("c");
    store.snapshot("a"); // replaces a: still three
    expect(() => store.snapshot("d")).toThrow(SnapshotError);
    expect(() => store.snapshot("d")).toThrow(/at most 0 MiB together; delete one first/);
    expect(store.deleteSnapshot("b")).toBe(true);
    store.snapshot("d");
    expect(store.snapshots()).toEqual(["a", "c", "d"]);
  });

  it("lets a largest state be snapshot a few times, never a hundred", () => {
    expect(STATE_BYTE_LIMIT * 4).toBeLessThanOrEqual(128 * 1024 * 1024);
  });
});
