import { describe, expect, it } from "vitest";
import { runPool } from "./pool.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("runPool: the one worker pool", () => {
  it("runs at most `concurrency` workers at once and keeps the order of the items", async () => {
    let running = 0;
    let most = 0;
    const outcomes = await runPool([5, 4, 3, 2, 1, 0], { concurrency: 2 }, async (n) => {
      running++;
      most = Math.max(most, running);
      for (let i = 0; i < n; i++) await tick();
      running--;
      return n * 10;
    });
    expect(most).toBe(2);
    expect(outcomes).toEqual([50, 40, 30, 20, 10, 0].map((value) => ({ status: "fulfilled", value })));
  });

  it("a worker's error is its item's outcome; the others still run", async () => {
    const boom = new Error("boom");
    const outcomes = await runPool([1, 2, 3], { concurrency: 3 }, async (n) => {
      if (n === 2) throw boom;
      return n;
    });
    expect(outcomes).toEqual([
      { status: "fulfilled", value: 1 },
      { status: "rejected", reason: boom },
      { status: "fulfilled", value: 3 },
    ]);
  });

  it("an abort stops new work: in-flight items settle, the rest are not started", async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const outcomes = await runPool(
      [0, 1, 2, 3, 4],
      { concurrency: 2, signal: controller.signal },
      async (n) => {
        started.push(n);
        if (n === 1) controller.abort();
        await tick();
        return n;
      },
    );
    expect(started).toEqual([0, 1]);
    expect(outcomes.map((o) => o.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "not-started",
      "not-started",
      "not-started",
    ]);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses concurrency %s", async (concurrency) => {
    await expect(runPool([1], { concurrency }, async () => 1)).rejects.toThrow(/concurrency/);
  });
});
