import { LISTING_BOUNDS, ListingLimitError, STREAMED_LISTING_BOUNDS } from "@fnapi/runtime";
import { compileGlob } from "@fnapi/runtime/internal";
import { describe, expect, it } from "vitest";
import { fakeFgs, json, PROJECT, urn } from "../test/fake-fgs.js";
import { applyFgsPrune, planFgsPrune } from "./index.js";

// Issue 24, classes 2-5, against a hostile FunctionGraph (the client's injected fetch): paging without end,
// greedy globs and huge names, delete targets from unchecked fields, duplicates.

const OLD = "2026-01-01T00:00:00Z";
const NOW = new Date("2026-12-01T00:00:00Z");
const empty = () => ({ functions: [], versions: {}, aliases: {} });

/** A listing whose next_marker moves forward forever (`count`: none, or always ahead). */
const forever = (key: "functions" | "versions", perPage: number, countAhead: boolean) => (marker: number) => {
  const items = Array.from({ length: perPage }, (_, i) =>
    key === "functions"
      ? { func_urn: urn(`f${marker + i}`), func_name: `f${marker + i}`, last_modified: OLD }
      : { version: `v${marker + i}`, last_modified: OLD },
  );
  const next = marker + perPage;
  return json({ [key]: items, next_marker: next, ...(countAhead ? { count: next + 1000 } : {}) });
};

// The listings below page up to their real bounds (1 000 pages; 500 pages of 400): what the tests count is
// pages and items; the timeout is only a net, wide enough for a fully loaded machine.
const LONG = { timeout: 240_000 };

describe("class 2: every listing ends within its documented bound (pages, items, bytes) in a typed error", () => {
  it(
    "listFunctions, next_marker forward forever: without count, and with a count that stays ahead",
    LONG,
    async () => {
      for (const countAhead of [false, true]) {
        const { fgs, requests } = fakeFgs(empty(), (r) =>
          r.path === "" ? forever("functions", 1, countAhead)(Number(r.query.get("marker") ?? 0)) : undefined,
        );
        let seen = 0;
        const drain = async () => {
          for await (const _ of fgs.listFunctions()) seen++;
        };
        await expect(drain()).rejects.toBeInstanceOf(ListingLimitError);
        expect(requests.length).toBe(STREAMED_LISTING_BOUNDS.maxPages);
        expect(seen).toBe(STREAMED_LISTING_BOUNDS.maxPages);
      }
    },
  );

  it("listVersions forward forever: ListingLimitError at the item bound, heap growth under 50 MB", async () => {
    let peak = 0;
    const before = process.memoryUsage().heapUsed;
    const { fgs, requests } = fakeFgs(empty(), (r) => {
      peak = Math.max(peak, process.memoryUsage().heapUsed - before);
      return r.path.endsWith("/versions")
        ? forever("versions", 400, false)(Number(r.query.get("marker") ?? 0))
        : undefined;
    });
    const error = await fgs.listVersions(urn("api")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ListingLimitError);
    expect(error).toMatchObject({
      operation: "listVersions",
      bound: "maxItems",
      limit: LISTING_BOUNDS.maxItems,
    });
    expect(requests.length).toBe(LISTING_BOUNDS.maxItems / 400 + 1);
    expect(peak).toBeLessThan(50 * 1024 * 1024);
  });

  it(
    "listAliases with more items than the bound, and a planFgsPrune over a listing without end",
    LONG,
    async () => {
      const many = Array.from({ length: LISTING_BOUNDS.maxItems + 1 }, (_, i) => ({
        name: `a${i}`,
        version: "latest",
      }));
      const aliases = fakeFgs(empty(), (r) => (r.path.endsWith("/aliases") ? json(many) : undefined));
      await expect(aliases.fgs.listAliases(urn("api"))).rejects.toMatchObject({ bound: "maxItems" });
      const plan = fakeFgs(empty(), (r) =>
        r.path === "" ? forever("functions", 400, false)(Number(r.query.get("marker") ?? 0)) : undefined,
      );
      await expect(planFgsPrune(plan.fgs, { match: ["nothing-*"] })).rejects.toBeInstanceOf(
        ListingLimitError,
      );
      expect(plan.requests.length).toBeLessThanOrEqual(STREAMED_LISTING_BOUNDS.maxPages);
    },
  );
});

describe("class 3: globs match in linear time without a regex; listed names held to the spec's rules", () => {
  const big = "a".repeat(4 * 1024 * 1024);
  it("*a*a*a*a*a*a*b and other globs over a 4 MiB name: steps linear in the name", () => {
    for (const [glob, name, expected] of [
      ["*a*a*a*a*a*a*b", big, false],
      ["*a*a*a*a*a*a*b", `${big}b`, true],
      ["*a?a*a?a*b", `${big}c`, false],
      ["a*", big, true],
      ["*?", big, true],
      ["preview-*", "preview-1", true],
      ["preview-?", "preview-12", false],
      ["*.*", "a.b", true],
      ["x[y]*", "x[y]z", true],
    ] as const) {
      const steps = { count: 0 };
      expect(compileGlob(glob).matches(name, steps), glob).toBe(expected);
      expect(steps.count, glob).toBeLessThanOrEqual(4 * (name.length + glob.length));
    }
  });

  it("a listed 4 MiB name (and other names outside the spec's rules) is refused, never matched or deleted", async () => {
    // 4 MiB in func_urn and func_name: past the 4 MiB body bound, the listing itself is refused (typed).
    const huge = fakeFgs({ ...empty(), functions: [{ urn: urn(big), lastModified: OLD }] });
    await expect(planFgsPrune(huge.fgs, { match: ["*a*a*a*a*a*a*b"] })).rejects.toThrow(
      /larger than 4194304 bytes/,
    );
    const mib = "a".repeat(1024 * 1024);
    const state = {
      ...empty(),
      functions: [
        { urn: urn(mib), lastModified: OLD },
        { urn: urn("ok-1"), lastModified: OLD },
        { urn: urn("1-starts-with-digit"), lastModified: OLD },
        { urn: urn("has space"), lastModified: OLD },
      ],
    };
    const { fgs, deletes } = fakeFgs(state);
    const started = performance.now();
    const plan = await planFgsPrune(fgs, { match: ["*a*a*a*a*a*a*b", "*"] });
    const tookMs = performance.now() - started;
    expect(plan.targets.map((t) => t.name)).toEqual(["ok-1"]);
    expect(plan.skipped).toHaveLength(3);
    for (const s of plan.skipped) expect(s.target.name.length).toBeLessThanOrEqual(81);
    expect(tookMs).toBeLessThan(5_000); // generous: what counts is the steps above
    await applyFgsPrune(fgs, plan, { confirmTimeoutMs: 0 });
    expect(deletes()).toEqual([urn("ok-1")]);
  });

  it("a plan over a large listing yields to the event loop: an abort from a timer stops it", async () => {
    const functions = Array.from({ length: 20_000 }, (_, i) => ({ urn: urn(`f-${i}`), lastModified: OLD }));
    const { fgs } = fakeFgs({ ...empty(), functions });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("SIGINT")), 0);
    await expect(planFgsPrune(fgs, { match: ["*"], signal: controller.signal })).rejects.toThrow("SIGINT");
  });
});

describe("class 4: delete targets only from fields checked against the spec, every filter re-applied", () => {
  it("listed versions outside the version pattern are refused ('!stable', ':', '..', empty, 65 chars)", async () => {
    const bad = ["!stable", "v1:x", "../x", "", "x".repeat(65), "-v"];
    const versions = [...bad, "v1", "v2"].map((version, i) => ({
      version,
      lastModified: `2026-0${(i % 9) + 1}-01T00:00:00Z`,
    }));
    const { fgs, deletes } = fakeFgs({
      ...empty(),
      functions: [{ urn: urn("api"), lastModified: OLD }],
      versions: { [urn("api")]: versions },
    });
    const plan = await planFgsPrune(fgs, { match: ["api"], keepVersions: 0 });
    expect(plan.targets.map((t) => t.version).sort()).toEqual(["v1", "v2"]);
    expect(plan.skipped.map((s) => s.target.version)).toHaveLength(bad.length);
    await applyFgsPrune(fgs, plan, { confirmTimeoutMs: 0 });
    expect(deletes().sort()).toEqual([`${urn("api")}:v1`, `${urn("api")}:v2`]);
  });

  it("a server that ignores package_name, names that differ from their URN, alias URNs: never planned", async () => {
    const { fgs, deletes } = fakeFgs(empty(), (r) =>
      r.path === ""
        ? json({
            functions: [
              { func_urn: urn("mine", "pkg"), func_name: "mine" },
              { func_urn: urn("theirs", "other"), func_name: "theirs" },
              { func_urn: urn("liar", "pkg"), func_name: "someone-else" },
              { func_urn: `${urn("aliased", "pkg")}:!prod`, func_name: "aliased" },
              { func_urn: `urn:fss:cn-north-4:${PROJECT}:function:pkg:x:y:z`, func_name: "x" },
              { func_urn: `urn:fss:cn-north-4:${"b".repeat(32)}:function:pkg:foreign`, func_name: "foreign" },
            ],
          })
        : undefined,
    );
    const plan = await planFgsPrune(fgs, { match: ["*"], packageName: "pkg" });
    expect(plan.targets.map((t) => t.urn)).toEqual([urn("mine", "pkg")]);
    expect(plan.skipped).toHaveLength(5);
    // Another project's function (a server may list what it likes): left out of the plan, with the reason.
    const foreign = `urn:fss:cn-north-4:${"b".repeat(32)}:function:pkg:foreign`;
    expect(plan.skipped).toContainEqual({
      target: expect.objectContaining({ urn: foreign }),
      reason: "it is in another project",
    });
    const report = await applyFgsPrune(fgs, plan, { confirmTimeoutMs: 0 });
    expect(deletes()).toEqual([urn("mine", "pkg")]);
    expect(report.failed).toEqual([]);
  });

  it("a hand-made plan naming an alias, latest, or a name its URN does not: refused before any byte", async () => {
    const { fgs, requests } = fakeFgs(empty());
    const plan = {
      cloud: "fgs" as const,
      createdAt: NOW.toISOString(),
      mode: "versions" as const,
      criteria: { match: ["*"], exclude: [] },
      listed: 1,
      skipped: [],
    };
    for (const target of [
      { urn: `${urn("api")}:!stable`, name: "api", kind: "version" as const, version: "!stable" },
      { urn: `${urn("api")}:latest`, name: "api", kind: "version" as const, version: "latest" },
      { urn: urn("api"), name: "other", kind: "function" as const },
      { urn: `${urn("api")}:v1`, name: "api", kind: "function" as const },
    ]) {
      await expect(applyFgsPrune(fgs, { ...plan, targets: [target] })).rejects.toThrow(/plan\.targets/);
    }
    expect(requests).toEqual([]);
  });
});

describe("class 5: each distinct target is deleted at most once", () => {
  it("overlapping pages listing 20 functions 210 times: 20 DELETEs; a plan that repeats a target: once", async () => {
    const { fgs, deletes } = fakeFgs(empty(), (r) => {
      if (r.path !== "") return undefined;
      const marker = Number(r.query.get("marker") ?? 0);
      const functions = Array.from({ length: 20 }, (_, i) => ({
        func_urn: urn(`f-${i}`),
        func_name: `f-${i}`,
        last_modified: OLD,
      }));
      return json({
        functions: marker >= 10 ? functions.slice(0, 10) : functions,
        next_marker: marker + 1,
        count: 11,
      });
    });
    const plan = await planFgsPrune(fgs, { match: ["f-*"] });
    expect(plan.listed).toBe(210);
    expect(plan.targets).toHaveLength(20);
    const report = await applyFgsPrune(
      fgs,
      { ...plan, targets: [...plan.targets, ...plan.targets] },
      { confirmTimeoutMs: 0, concurrency: 8 },
    );
    expect(deletes()).toHaveLength(20);
    expect(new Set(deletes()).size).toBe(20);
    expect(report.counts.planned).toBe(20);
  });
});
