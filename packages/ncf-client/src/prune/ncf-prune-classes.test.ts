import { LISTING_BOUNDS, ListingLimitError, ValidationError } from "@fnapi/runtime";
import { describe, expect, it } from "vitest";
import { createNcfClient } from "../index.js";
import { fakeNcf } from "../test/fake-ncf.js";
import { applyNcfPrune, planNcfPrune } from "./index.js";

// Issue 24 classes 2, 3, 4, 5, 7 and 8 for NCF prune, and issue 23's cascade 429, against an in-memory NCF.

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

function setup(packages: Record<string, string[]>, listed?: () => unknown[]) {
  const fake = fakeNcf(packages);
  const base = fake.before;
  fake.before = (method, path) =>
    base?.(method, path) ??
    (method === "GET" && path === "/packages"
      ? json({ content: listed ? listed() : [...fake.packages.keys()].map((name) => ({ name })) })
      : undefined);
  const ncf = createNcfClient({
    accessKey: "AK",
    secretKey: "SK",
    baseUrl: "https://ncf.test/ncf/api/v2",
    fetch: fake.fetch,
    backoff: { baseMs: 1, maxMs: 2 },
  });
  return { fake, ncf };
}

describe("class 2: listPackages and listActions end within their documented bound in a typed error", () => {
  it("more packages, or more actions, than the item bound", async () => {
    const many = Array.from({ length: LISTING_BOUNDS.maxItems + 1 }, (_, i) => ({ name: `p${i}` }));
    const { ncf, fake } = setup({ big: [] }, () => many);
    await expect(ncf.listPackages()).rejects.toBeInstanceOf(ListingLimitError);
    await expect(planNcfPrune(ncf, { match: ["*"] })).rejects.toMatchObject({ bound: "maxItems" });
    fake.before = (method, path) =>
      method === "GET" && path.endsWith("/actions")
        ? json({ content: { actions: many.map((a) => ({ ...a, type: "basic" })) } })
        : undefined;
    await expect(ncf.listActions("big")).rejects.toMatchObject({
      operation: "listActions",
      bound: "maxItems",
    });
  });
});

describe("class 3/4: listed names held to the spec's package name rule before any glob or delete", () => {
  it('a 1 MiB name, "a/b", "..", "-x", 51 characters, "ci-ü": refused; the valid ones matched in linear time', async () => {
    const odd = ["a".repeat(1024 * 1024), "a/b", "..", "-x", "x".repeat(51), "ci-ü"];
    const { ncf, fake } = setup({ "ci-1": [], keep: [] }, () => [
      ...odd.map((name) => ({ name })),
      { name: "ci-1" },
      { name: "keep" },
    ]);
    const plan = await planNcfPrune(ncf, { match: ["*a*a*a*a*a*a*b", "ci-*", "*"], exclude: ["keep"] });
    expect(plan.targets).toEqual([{ name: "ci-1" }]);
    expect(plan.skipped).toHaveLength(odd.length);
    for (const s of plan.skipped) expect(s.target.name.length).toBeLessThanOrEqual(81);
    await applyNcfPrune(ncf, plan, { confirmTimeoutMs: 0 });
    expect(fake.log.filter((l) => l.startsWith("DELETE"))).toEqual(["DELETE /packages/ci-1?platform=vpc"]);
  });
});

describe("class 5: each distinct package is deleted at most once", () => {
  it("a listing that repeats a package 50 times, a plan that repeats a target", async () => {
    const { ncf, fake } = setup({ "ci-1": ["a"] }, () =>
      Array.from({ length: 50 }, () => ({ name: "ci-1" })),
    );
    const plan = await planNcfPrune(ncf, { match: ["ci-*"] });
    expect(plan.targets).toHaveLength(1);
    await applyNcfPrune(
      ncf,
      { ...plan, targets: [...plan.targets, ...plan.targets] },
      { confirmTimeoutMs: 0 },
    );
    expect(fake.log.filter((l) => l.startsWith("DELETE /packages/ci-1?"))).toHaveLength(1);
  });
});

describe("issue 23: a 429 inside the cascade, after an action is gone, is retried on the send path", () => {
  it("the package ends deleted and the report is complete", async () => {
    const { ncf, fake } = setup({ "ci-1": ["a1", "a2"] });
    const listing = fake.before;
    let throttled = 0;
    fake.before = (method, path) =>
      method === "DELETE" && path === "/packages/ci-1" && throttled++ === 0
        ? json({ error: { errorCode: "429", message: "slow down" } }, 429, { "retry-after": "0" })
        : listing?.(method, path);
    const plan = await planNcfPrune(ncf, { match: ["ci-*"] });
    const report = await applyNcfPrune(ncf, plan, { confirmTimeoutMs: 0 });
    expect(fake.packages.has("ci-1")).toBe(false);
    expect(report).toMatchObject({ complete: true, counts: { deleted: 1, failed: 0, retries: 1 } });
  });
});

describe("class 7: a failing confirmation leaves the report, incomplete", () => {
  it("503s on the confirming listing", async () => {
    const { ncf, fake } = setup({ "ci-1": [] });
    const listing = fake.before;
    let deleted = false;
    fake.before = (method, path) => {
      if (method === "DELETE") deleted = true;
      return deleted && method === "GET" && path === "/packages"
        ? json({ error: { errorCode: "503", message: "busy" } }, 503)
        : listing?.(method, path);
    };
    const plan = await planNcfPrune(ncf, { match: ["ci-*"] });
    const report = await applyNcfPrune(ncf, plan, { confirmTimeoutMs: 0 });
    expect(report).toMatchObject({ complete: false, counts: { deleted: 1, unconfirmed: 1 } });
    expect(report.confirmError).toMatchObject({ name: "NcfApiError", status: 503 });
  });
});

describe("class 8: every public prune function checks its options at run time", () => {
  it("planNcfPrune and applyNcfPrune refuse what is not of the option's kind, before any byte", async () => {
    const { ncf, fake } = setup({ "ci-1": [] });
    for (const [options, field] of [
      [{ match: ["*"], signal: "x" }, "signal"],
      [{ match: ["*"], platform: "gpu" }, "platform"],
      [{ match: "ci-*" }, "match"],
      [undefined, "options"],
    ] as [unknown, string][]) {
      await expect(planNcfPrune(ncf, options as never), field).rejects.toThrow(ValidationError);
    }
    const plan = {
      cloud: "ncf" as const,
      createdAt: "",
      criteria: { match: ["*"], exclude: [] },
      listed: 1,
      targets: [{ name: "ci-1" }],
      skipped: [],
    };
    for (const [options, field] of [
      [{ signal: "x" }, "signal"],
      [{ gate: {} }, "gate"],
      [{ confirmTimeoutMs: "10" }, "confirmTimeoutMs"],
      [{ confirmTimeoutMs: Number.NaN }, "confirmTimeoutMs"],
      [{ concurrency: 65 }, "concurrency"],
    ] as [unknown, string][]) {
      const error = await applyNcfPrune(ncf, plan, options as never).catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(ValidationError);
      expect((error as Error).message, field).toContain(field);
    }
    for (const broken of [{ ...plan, targets: [{ name: "../x" }] }, { ...plan, cloud: "fgs" }, null]) {
      await expect(applyNcfPrune(ncf, broken as never)).rejects.toThrow(ValidationError);
    }
    await expect(planNcfPrune({} as never, { match: ["*"] })).rejects.toThrow(ValidationError);
    expect(fake.log).toEqual([]);
  });
});
