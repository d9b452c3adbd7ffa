import { afterEach, describe, expect, it, vi } from "vitest";
import { createStandardRetryStrategy } from "./strategy.js";

afterEach(() => {
  vi.useRealTimers();
});

const retryable = { retryable: true };

describe("createStandardRetryStrategy", () => {
  it("stops after maxAttempts, and at once for a failure that is not retryable", () => {
    const strategy = createStandardRetryStrategy({ maxAttempts: 3, random: () => 0.5 });
    expect(strategy.retryDelay(retryable, 1)).toBe(100);
    expect(strategy.retryDelay(retryable, 2)).toBe(200);
    expect(strategy.retryDelay(retryable, 3)).toBeUndefined();
    expect(strategy.retryDelay({ retryable: false }, 1)).toBeUndefined();
  });

  it("backs off exponentially with full jitter, capped", () => {
    const strategy = createStandardRetryStrategy({
      maxAttempts: 100,
      baseMs: 100,
      maxMs: 1_000,
      random: () => 1,
    });
    expect([1, 2, 3, 4, 5].map((n) => strategy.retryDelay(retryable, n))).toEqual([
      100, 200, 400, 800, 1_000,
    ]);
  });

  it("honours a Retry-After, and refuses one longer than maxRetryAfterMs", () => {
    const strategy = createStandardRetryStrategy({ maxRetryAfterMs: 5_000, random: () => 0 });
    expect(strategy.retryDelay({ ...retryable, status: 500, retryAfterMs: 3_000 }, 1)).toBe(3_000);
    expect(strategy.retryDelay({ ...retryable, status: 500, retryAfterMs: 5_001 }, 1)).toBeUndefined();
  });

  it("a retry quota shared by every call: a storm stops retrying; successes refill it", () => {
    const strategy = createStandardRetryStrategy({ maxAttempts: 100, retryBudget: 3, random: () => 0 });
    expect(strategy.retryDelay({ ...retryable, cost: 2 }, 1)).toBe(0);
    expect(strategy.retryDelay(retryable, 1)).toBe(0);
    expect(strategy.retryDelay(retryable, 1)).toBeUndefined();
    strategy.recordSuccess();
    expect(strategy.retryDelay(retryable, 1)).toBe(0);
  });

  it("a throttle with Retry-After pauses every call's next attempt once (one back-off per client)", async () => {
    vi.useFakeTimers();
    let now = 0;
    const strategy = createStandardRetryStrategy({ now: () => now });
    // Two calls throttled at about the same time: the pause is the later end, not the sum.
    expect(strategy.retryDelay({ ...retryable, status: 429, retryAfterMs: 2_000, throttling: true }, 1)).toBe(
      0,
    );
    now = 500;
    expect(strategy.retryDelay({ ...retryable, status: 503, retryAfterMs: 1_000, throttling: true }, 1)).toBe(
      0,
    );
    // A third call, not throttled itself, waits too.
    let acquired = 0;
    const waiters = [1, 2, 3].map(() => strategy.acquireAttempt().then(() => acquired++));
    await vi.advanceTimersByTimeAsync(1_499);
    expect(acquired).toBe(0);
    now = 2_000;
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(waiters);
    expect(acquired).toBe(3);
    // Once over, attempts go at once.
    await expect(strategy.acquireAttempt()).resolves.toBeUndefined();
  });

  it("acquireAttempt rejects with the signal's reason on abort, during a pause and before one", async () => {
    vi.useFakeTimers();
    const strategy = createStandardRetryStrategy();
    await expect(strategy.acquireAttempt(AbortSignal.abort(new Error("early")))).rejects.toThrow("early");
    strategy.retryDelay({ ...retryable, status: 429, retryAfterMs: 10_000, throttling: true }, 1);
    const controller = new AbortController();
    const pending = strategy.acquireAttempt(controller.signal);
    const settled = expect(pending).rejects.toThrow("stop");
    await vi.advanceTimersByTimeAsync(100);
    controller.abort(new Error("stop"));
    await settled;
  });

  it("without Retry-After a throttle backs off per call and pauses nobody", async () => {
    const strategy = createStandardRetryStrategy({ random: () => 0.5 });
    expect(strategy.retryDelay({ ...retryable, status: 429 }, 1)).toBe(100);
    await expect(strategy.acquireAttempt()).resolves.toBeUndefined();
  });
});
