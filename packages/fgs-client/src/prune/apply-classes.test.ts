import { ListingLimitError, ValidationError } from "@fnapi/runtime";
import { describe, expect, it } from "vitest";
import { fakeFgs, json, urn } from "../test/fake-fgs.js";
import { applyFgsPrune, planFgsPrune } from "./index.js";

// Issue 24, classes 6-8: a plan applied blind, a report lost to a failing confirmation, untyped callers.

const OLD = "2026-01-01T00:00:00Z";
const NOW = new Date("2026-12-01T00:00:00Z");
const versioned = () => ({
  functions: [{ urn: urn("api"), lastModified: OLD }],
  versions: {
    [urn("api")]: ["latest", "v1", "v2", "v3"].map((version, i) => ({
      version,
      lastModified: `2026-0${i + 1}-01T00:00:00Z`,
    })),
  },
  aliases: { [urn("api")]: [{ name: "prod", version: "v3" }] },
});

describe("class 6: what protects a target is checked again right before its delete", () => {
  it("an alias moved (or weighted) onto a planned version after planning: skipped with the reason", async () => {
    for (const moved of [
      { name: "canary", version: "v1" },
      { name: "prod", version: "v3", weights: { v1: 10 } },
    ]) {
      const state = versioned();
      const { fgs, deletes } = fakeFgs(state);
      const plan = await planFgsPrune(fgs, { match: ["api"], keepVersions: 1 });
      expect(plan.targets.map((t) => t.version).sort()).toEqual(["v1", "v2"]);
      state.aliases[urn("api")] = [moved];
      const report = await applyFgsPrune(fgs, plan, { confirmTimeoutMs: 0 });
      expect(deletes()).toEqual([`${urn("api")}:v2`]);
      expect(report.skipped.map((s) => s.reason)).toContain(`alias ${moved.name} points to it now`);
      expect(report.complete).toBe(true);
    }
  });

  it("a function redeployed after planning (or its date gone) is kept despite olderThan", async () => {
    for (const latest of [
      { version: "latest", lastModified: "2026-11-30T23:00:00Z" },
      { version: "latest" },
    ]) {
      const state = {
        functions: [
          { urn: urn("a"), lastModified: OLD },
          { urn: urn("b"), lastModified: OLD },
        ],
        versions: {} as Record<string, { version: string; lastModified?: string }[]>,
        aliases: {},
      };
      const { fgs, deletes } = fakeFgs(state);
      const plan = await planFgsPrune(fgs, { match: ["*"], olderThan: "7d", now: NOW });
      expect(plan.targets).toHaveLength(2);
      state.versions[urn("a")] = [latest];
      state.versions[urn("b")] = [{ version: "latest", lastModified: OLD }];
      const report = await applyFgsPrune(fgs, plan, { confirmTimeoutMs: 0 });
      expect(deletes()).toEqual([urn("b")]);
      expect(report.skipped).toHaveLength(1);
    }
  });
});

describe("class 7: whatever fails, the report of what was done comes back, incomplete", () => {
  it("the confirming listing fails (503s, a listing without end, 403): deletes reported, unconfirmed", async () => {
    const failures: (() => Response)[] = [
      () => json({ error_code: "FSS.0503", error_msg: "busy" }, 503),
      () => json({ error_code: "FSS.0403", error_msg: "no" }, 403),
    ];
    for (const failure of failures) {
      let deleting = false;
      const { fgs } = fakeFgs(versioned(), (r) => {
        if (r.method === "DELETE") deleting = true;
        return deleting && r.method === "GET" && r.path.endsWith("/versions") ? failure() : undefined;
      });
      const plan = await planFgsPrune(fgs, { match: ["api"], keepVersions: 2 });
      const report = await applyFgsPrune(fgs, plan, { confirmTimeoutMs: 0 });
      expect(report).toMatchObject({ complete: false, counts: { deleted: 1, unconfirmed: 1 } });
      expect(report.confirmError?.name).toBe("FgsApiError");
    }
    let deleting = false;
    let marker = 0;
    const { fgs } = fakeFgs({ ...versioned(), aliases: {} }, (r) => {
      if (r.method === "DELETE") deleting = true;
      if (!deleting || r.path !== "") return undefined;
      marker++;
      return json({
        functions: [{ func_urn: `${urn(`x${marker}`)}:latest`, func_name: `x${marker}` }],
        next_marker: marker,
      });
    });
    const plan = await planFgsPrune(fgs, { match: ["api"] });
    const report = await applyFgsPrune(fgs, plan, { confirmTimeoutMs: 0 });
    expect(report).toMatchObject({ complete: false, counts: { deleted: 1, unconfirmed: 1 } });
    expect(report.confirmError?.name).toBe(new ListingLimitError("x", "maxPages", 1).name);
  });
});

describe("class 8: every public prune function checks its options at run time", () => {
  it("planFgsPrune: now, signal, match, olderThan, keepVersions, packageName, the client", async () => {
    const { fgs, requests } = fakeFgs(versioned());
    const bad: [unknown, string][] = [
      [{ match: ["*"], now: "2020-01-01" }, "now"],
      [{ match: ["*"], now: new Date(Number.NaN) }, "now"],
      [{ match: ["*"], signal: "x" }, "signal"],
      [{ match: "x" }, "match"],
      [{ match: ["*"], exclude: [1] }, "exclude"],
      [{ match: ["*"], olderThan: Number.NaN }, "olderThan"],
      [{ match: ["*"], keepVersions: "3" }, "keepVersions"],
      [{ match: ["*"], packageName: "../x" }, "packageName"],
      [undefined, "options"],
      [null, "options"],
    ];
    for (const [options, field] of bad) {
      const error = await planFgsPrune(fgs, options as never).catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message, field).toContain(field);
    }
    await expect(planFgsPrune({} as never, { match: ["*"] })).rejects.toBeInstanceOf(ValidationError);
    expect(requests).toEqual([]);
  });

  it("applyFgsPrune: signal, gate, confirmTimeoutMs, confirmIntervalMs, concurrency, onSettled, the plan", async () => {
    const { fgs, requests } = fakeFgs(versioned());
    const plan = await planFgsPrune(fgs, { match: ["api"] });
    const listed = requests.length;
    const bad: [unknown, string][] = [
      [{ signal: "x" }, "signal"],
      [{ gate: {} }, "gate"],
      [{ confirmTimeoutMs: "10" }, "confirmTimeoutMs"],
      [{ confirmTimeoutMs: Number.NaN }, "confirmTimeoutMs"],
      [{ confirmIntervalMs: -1 }, "confirmIntervalMs"],
      [{ concurrency: 0 }, "concurrency"],
      [{ onSettled: "log" }, "onSettled"],
      [7, "options"],
    ];
    for (const [options, field] of bad) {
      const error = await applyFgsPrune(fgs, plan, options as never).catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message, field).toContain(field);
    }
    for (const broken of [
      {},
      null,
      { ...plan, cloud: "ncf" },
      { ...plan, targets: "x" },
      { ...plan, createdAt: "soon" },
    ]) {
      await expect(applyFgsPrune(fgs, broken as never)).rejects.toBeInstanceOf(ValidationError);
    }
    expect(requests.length).toBe(listed);
  });
});
