import { type Emulator, startEmulator } from "@fnapi/emulator";
import { createFgsClient, ValidationError } from "@fnapi/fgs-client";
import { applyFgsPrune, planFgsPrune } from "@fnapi/fgs-client/prune";
import { createNcfClient } from "@fnapi/ncf-client";
import { applyNcfPrune, planNcfPrune } from "@fnapi/ncf-client/prune";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

// The prune library (@fnapi/fgs-client/prune, @fnapi/ncf-client/prune) against the emulator in this process (authentication off): plan, keepVersions around
// an alias, apply, a 429 storm through the emulator's fault injection, an interrupt then a resume, the cascade.

const PROJECT = "7aad83af3e8d42e99ac194e8419e2c9b";
const urn = (name: string) => `urn:fss:cn-north-4:${PROJECT}:function:default:${name}`;
const DAY = 86_400_000;
const NOW = new Date("2026-11-28T00:00:00Z");
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({
    port: 0,
    auth: "off",
    seed: {
      huawei: {
        functions: [
          ...Array.from({ length: 30 }, (_, i) => ({ urn: urn(`preview-${i}`), lastModified: ago(10) })),
          { urn: urn("preview-fresh"), lastModified: ago(1) },
          { urn: urn("preview-keep"), lastModified: ago(30) },
          { urn: urn("prod-api"), lastModified: ago(100) },
          {
            urn: urn("versioned"),
            lastModified: ago(50),
            versions: ["v20261101-000000", "v20261102-000000", "v20261103-000000", "v20261104-000000"],
            aliases: { prod: "v20261101-000000", live: "latest" },
          },
        ],
      },
      ncp: {
        packages: [
          { name: "ci-1", platform: "vpc", actions: ["a1", "a2", "a3"] },
          { name: "ci-2", platform: "vpc", actions: [] },
          { name: "keep", platform: "vpc", actions: ["x"] },
        ],
      },
    },
  });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const fgsClient = () => ({
  fgs: createFgsClient({ projectId: PROJECT, token: "t", baseUrl: emu.url, backoff: { baseMs: 5 } }),
});
const names = () => emu.state().huawei.functions.map((f) => f.urn.split(":")[6]);
const fault = (body: object) =>
  fetch(`${emu.url}/_emulator/faults`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  }).then((r) => expect(r.status).toBeLessThan(300));

describe("planFgsPrune", () => {
  it("lists, then filters by globs and olderThan; nothing is deleted", async () => {
    const { fgs } = fgsClient();
    const plan = await planFgsPrune(fgs, {
      match: ["preview-*"],
      exclude: ["*-keep"],
      olderThan: "7d",
      now: NOW,
    });
    expect(plan.listed).toBe(34);
    expect(plan.targets.map((t) => t.name).sort()).toEqual(
      Array.from({ length: 30 }, (_, i) => `preview-${i}`).sort(),
    );
    expect(plan.targets[0]).toMatchObject({ kind: "function", urn: urn("preview-0") });
    expect(names()).toHaveLength(34);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });

  it("keepVersions: only published versions beyond the newest N, never latest, never an alias's", async () => {
    const { fgs } = fgsClient();
    const plan = await planFgsPrune(fgs, { match: ["versioned"], keepVersions: 1, now: NOW });
    expect(plan.mode).toBe("versions");
    expect(plan.targets.map((t) => t.version).sort()).toEqual(["v20261102-000000", "v20261103-000000"]);
    expect(plan.skipped).toEqual([
      { target: expect.objectContaining({ version: "v20261101-000000" }), reason: "alias prod points to it" },
    ]);
    const report = await applyFgsPrune(fgs, plan, { confirmIntervalMs: 50 });
    expect(report).toMatchObject({ complete: true, counts: { deleted: 2, skipped: 1, remaining: 0 } });
    expect(emu.state().huawei.functions.find((f) => f.urn === urn("versioned"))?.versions).toEqual([
      "v20261101-000000",
      "v20261104-000000",
    ]);
  });

  it("refuses bad criteria before a byte is sent, naming the option", async () => {
    const { fgs } = fgsClient();
    const before = emu.requests().length;
    await expect(planFgsPrune(fgs, { match: [] })).rejects.toThrow(/match is empty/);
    await expect(planFgsPrune(fgs, { match: ["*"], olderThan: "7 days" })).rejects.toThrow(ValidationError);
    await expect(planFgsPrune(fgs, { match: ["*"], keepVersions: -1 })).rejects.toThrow(/keepVersions/);
    expect(emu.requests().length).toBe(before);
  });
});

describe("applyFgsPrune", () => {
  it("deletes every planned function and confirms; a second run finds them already gone", async () => {
    const { fgs } = fgsClient();
    const plan = await planFgsPrune(fgs, { match: ["preview-*"], olderThan: "7d", now: NOW });
    const report = await applyFgsPrune(fgs, plan, { concurrency: 8, confirmIntervalMs: 50 });
    expect(report.counts).toMatchObject({ planned: 31, deleted: 31, failed: 0, remaining: 0 });
    expect(report.complete).toBe(true);
    expect(names().sort()).toEqual(["preview-fresh", "prod-api", "versioned"]);
    const again = await applyFgsPrune(fgs, plan, { confirmIntervalMs: 50 });
    expect(again.counts).toMatchObject({ deleted: 0, alreadyGone: 31 });
    expect(again.complete).toBe(true);
  });

  it("one shared back-off: a 429 with Retry-After pauses every new request of the run, then all are gone", async () => {
    // Each request's start is recorded; the first DELETE is answered 429 with Retry-After: 1. The client's retry
    // strategy (one per client) must hold every request that starts after that answer for the second: the
    // throttled delete's retry and the other workers' next deletes alike. Only the other three workers' first
    // deletes, already on their way when the 429 was answered, may start in the window. A gate that does
    // nothing lets the throttled retry and every other delete go at once: a dozen requests in the window.
    const starts: { at: number; method: string }[] = [];
    let throttledAt = Number.POSITIVE_INFINITY;
    const fgs = createFgsClient({
      projectId: PROJECT,
      token: "t",
      baseUrl: emu.url,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        starts.push({ at: performance.now(), method: request.method });
        if (request.method === "DELETE" && throttledAt === Number.POSITIVE_INFINITY) {
          throttledAt = performance.now();
          return new Response(JSON.stringify({ error_code: "FSS.0429", error_msg: "slow down" }), {
            status: 429,
            headers: { "content-type": "application/json", "retry-after": "1" },
          });
        }
        return fetch(request);
      },
    });
    const plan = await planFgsPrune(fgs, { match: ["preview-1*"], now: NOW });
    expect(plan.targets.length).toBe(11);
    const report = await applyFgsPrune(fgs, plan, { concurrency: 4, confirmIntervalMs: 50 });
    const inWindow = starts.filter((s) => s.at > throttledAt && s.at < throttledAt + 950);
    expect(inWindow.length).toBeLessThanOrEqual(3);
    expect(starts.filter((s) => s.method === "DELETE")).toHaveLength(12); // 11 targets, one retried
    expect(report).toMatchObject({ complete: true, counts: { deleted: 11, failed: 0, retries: 1 } });
    expect(names().filter((n) => n?.startsWith("preview-1"))).toEqual([]);
  });

  it("an abort stops new work, lets in-flight settle and reports; the same plan again finishes", async () => {
    const { fgs } = fgsClient();
    const plan = await planFgsPrune(fgs, { match: ["preview-*"], now: NOW });
    await fault({ operation: "deleteFunction", delayMs: 30, probability: 1 });
    const controller = new AbortController();
    let settled = 0;
    const report = await applyFgsPrune(fgs, plan, {
      concurrency: 2,
      signal: controller.signal,
      onSettled: () => {
        if (++settled === 4) controller.abort();
      },
    });
    expect(report.interrupted).toBe(true);
    expect(report.complete).toBe(false);
    expect(report.counts.deleted).toBeGreaterThanOrEqual(4);
    expect(report.counts.deleted + report.counts.notStarted).toBe(32);
    await fetch(`${emu.url}/_emulator/faults`, { method: "DELETE" });
    const resumed = await applyFgsPrune(fgs, plan, { concurrency: 8, confirmIntervalMs: 50 });
    expect(resumed.counts.deleted).toBe(report.counts.notStarted);
    expect(resumed.counts.alreadyGone).toBe(report.counts.deleted);
    expect(resumed.complete).toBe(true);
  });

  it("a failure is reported with its error, without failing the rest", async () => {
    const { fgs } = fgsClient();
    const plan = await planFgsPrune(fgs, { match: ["preview-1", "preview-2"], now: NOW });
    await fault({ operation: "deleteFunction", status: 403, times: 1 });
    const report = await applyFgsPrune(fgs, plan, { concurrency: 1, confirmIntervalMs: 50 });
    expect(report.counts).toMatchObject({ deleted: 1, failed: 1 });
    expect(report.failed[0]?.error).toMatchObject({ name: "FgsApiError", status: 403, code: "FSS.0403" });
    expect(report.complete).toBe(false);
  });
});

describe("NCF prune", () => {
  it("plans by name and deletes each package with its actions (the cascade)", async () => {
    const ncf = createNcfClient({
      accessKey: "k",
      secretKey: "s",
      baseUrl: `${emu.url}/ncf/api/v2`,
    });
    const plan = await planNcfPrune(ncf, { match: ["ci-*"] });
    expect(plan.targets.map((t) => t.name)).toEqual(["ci-1", "ci-2"]);
    const report = await applyNcfPrune(ncf, plan, { confirmIntervalMs: 50 });
    expect(report).toMatchObject({ complete: true, counts: { deleted: 2, remaining: 0 } });
    expect(emu.state().ncp.packages.map((p) => p.name)).toEqual(["keep"]);
  });
});
