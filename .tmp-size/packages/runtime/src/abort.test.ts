import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { onAbort, raceAbort, sleep } from "./abort.js";

const abortListeners = (signal: AbortSignal) => getEventListeners(signal, "abort").length;

afterEach(() => {
  vi.useRealTimers();
});

describe("onAbort", () => {
  it("adds ONE listener to a signal however many subscribe, and no MaxListenersExceededWarning", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      const controller = new AbortController();
      const reasons: unknown[] = [];
      const unsubscribes = Array.from({ length: 5_000 }, () =>
        onAbort(controller.signal, (reason) => reasons.push(reason)),
      );
      expect(abortListeners(controller.signal)).toBe(1);
      // half of them end before the abort: only the other half hear it
      for (const unsubscribe of unsubscribes.slice(0, 2_500)) unsubscribe();
      const reason = new Error("stop");
      controller.abort(reason);
      expect(reasons).toHaveLength(2_500);
      expect(reasons.every((r) => r === reason)).toBe(true);
      expect(abortListeners(controller.signal)).toBe(0);
      // Node emits the warning on a later tick
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("notifies nobody after everyone unsubscribed", () => {
    const controller = new AbortController();
    const subscriber = vi.fn();
    const unsubscribes = Array.from({ length: 100 }, () => onAbort(controller.signal, subscriber));
    for (const unsubscribe of unsubscribes) unsubscribe();
    unsubscribes[0]?.(); // unsubscribing twice is harmless
    controller.abort();
    expect(subscriber).not.toHaveBeenCalled();
  });

  it("keeps one hub per signal: two signals get one listener each", () => {
    const a = new AbortController();
    const b = new AbortController();
    for (let i = 0; i < 50; i++) {
      onAbort(a.signal, () => {});
      onAbort(b.signal, () => {});
    }
    expect(abortListeners(a.signal)).toBe(1);
    expect(abortListeners(b.signal)).toBe(1);
    const onB = vi.fn();
    onAbort(b.signal, onB);
    a.abort();
    expect(onB).not.toHaveBeenCalled();
  });
});

describe("sleep", () => {
  it("resolves after the delay and leaves its subscription behind", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    let done = false;
    const slept = sleep(1_000, controller.signal).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await slept;
    expect(done).toBe(true);
    // the caller's signal aborting later reaches nobody
    controller.abort();
  });

  it("rejects with the signal's reason as soon as it aborts, and clears its timer", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const slept = sleep(60_000, controller.signal);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort(new Error("stop"));
    await expect(slept).rejects.toThrow("stop");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects at once on an aborted signal", async () => {
    await expect(sleep(60_000, AbortSignal.abort(new Error("already")))).rejects.toThrow("already");
  });

  it("caps a delay at what timers can hold instead of firing at once", async () => {
    vi.useFakeTimers();
    let done = false;
    void sleep(2 ** 40, undefined).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(done).toBe(false);
    vi.clearAllTimers();
  });

  it("thousands of sleeps on one signal add one listener", async () => {
    const controller = new AbortController();
    const sleeps = Array.from({ length: 2_000 }, () => sleep(60_000, controller.signal).catch((e) => e));
    expect(abortListeners(controller.signal)).toBe(1);
    controller.abort(new Error("stop"));
    const reasons = await Promise.all(sleeps);
    expect(reasons.every((r) => (r as Error).message === "stop")).toBe(true);
  });
});

describe("raceAbort", () => {
  it("settles like the promise and unsubscribes", async () => {
    const controller = new AbortController();
    expect(await raceAbort(Promise.resolve("value"), controller.signal)).toBe("value");
    await expect(raceAbort(Promise.reject(new Error("failed")), controller.signal)).rejects.toThrow("failed");
    const late = vi.fn();
    onAbort(controller.signal, late);
    controller.abort();
    expect(late).toHaveBeenCalledTimes(1); // only the subscriber still there, none left by raceAbort
  });

  it("rejects with the signal's reason when it aborts first, leaving the promise running", async () => {
    const controller = new AbortController();
    const never = new Promise<never>(() => {});
    const raced = raceAbort(never, controller.signal);
    controller.abort(new Error("gave up"));
    await expect(raced).rejects.toThrow("gave up");
    await expect(raceAbort(never, controller.signal)).rejects.toThrow("gave up");
  });
});
