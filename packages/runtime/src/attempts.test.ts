import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type Attempt, type AttemptOutcome, runAttempts } from "./attempts.js";
import { ApiError, type CallSite, TimeoutError } from "./errors.js";
import { createStandardRetryStrategy } from "./retry/strategy.js";
import { type ResolvedRetryOptions, resolveRetryOptions } from "./retry-options.js";

/** `retry` with its standard strategy drawing the jitter from `random`. */
const withRandom = (retry: ResolvedRetryOptions, random: () => number): ResolvedRetryOptions => ({
  ...retry,
  strategy: createStandardRetryStrategy({ ...retry, random }),
});

const site: CallSite = { method: "DELETE", url: "https://api.example/things/1" };
const apiError = (status: number) =>
  new ApiError({ status, code: String(status), message: "x", body: "" }, site, 1);
/** No waiting between attempts, so retry tests take microseconds. */
const fast = resolveRetryOptions({ backoff: { baseMs: 0, maxMs: 0 }, timeoutMs: 1_000 });
type Failure = Extract<AttemptOutcome<string>, { done: false }>;
const failing = (status: number, extra: Partial<Omit<Failure, "done" | "error">> = {}) =>
  vi.fn(
    async (_attempt: Attempt): Promise<AttemptOutcome<string>> =>
      ({ done: false, error: apiError(status), retryable: true, ...extra }) satisfies Failure,
  );
/** An attempt that never settles on its own: it ends only when its signal aborts. */
const hang = (attempt: Attempt) =>
  new Promise<never>((_, reject) => {
    attempt.signal.addEventListener("abort", () => reject(attempt.signal.reason));
  });

afterEach(() => {
  vi.useRealTimers();
});

describe("runAttempts", () => {
  it("retries retryable outcomes up to maxAttempts and throws the last error", async () => {
    const attempt = failing(503);
    await expect(runAttempts({ retry: fast, site, idempotent: true }, attempt)).rejects.toMatchObject({
      status: 503,
    });
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(attempt.mock.calls.map(([a]) => a.number)).toEqual([1, 2, 3]);
  });

  it("never retries a non-retryable outcome", async () => {
    const attempt = failing(404, { retryable: false });
    await expect(runAttempts({ retry: fast, site, idempotent: true }, attempt)).rejects.toMatchObject({
      status: 404,
    });
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it("returns the value of the first successful attempt", async () => {
    let calls = 0;
    const value = await runAttempts({ retry: fast, site, idempotent: true }, async () =>
      ++calls < 2 ? { done: false, error: apiError(502), retryable: true } : { done: true, value: "ok" },
    );
    expect(value).toBe("ok");
    expect(calls).toBe(2);
  });

  it("allows one repair attempt outside the budget, and only one", async () => {
    let calls = 0;
    const value = await runAttempts(
      { retry: resolveRetryOptions({ maxAttempts: 1 }), site, idempotent: true },
      async () =>
        ++calls === 1
          ? { done: false, error: apiError(401), retryable: false, repair: true }
          : { done: true, value: "ok" },
    );
    expect(value).toBe("ok");
    expect(calls).toBe(2);

    const alwaysRepair = failing(401, { retryable: false, repair: true });
    await expect(
      runAttempts({ retry: resolveRetryOptions({ maxAttempts: 1 }), site, idempotent: true }, alwaysRepair),
    ).rejects.toMatchObject({ status: 401 });
    expect(alwaysRepair).toHaveBeenCalledTimes(2);
  });

  it("lets an error thrown by an attempt through at once, unretried", async () => {
    const bug = new TypeError("a provider bug");
    const attempt = vi.fn(async (): Promise<AttemptOutcome<string>> => {
      throw bug;
    });
    await expect(runAttempts({ retry: fast, site, idempotent: true }, attempt)).rejects.toBe(bug);
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it("turns a timed-out attempt into a TimeoutError, repeated only for an idempotent operation", async () => {
    const retry = resolveRetryOptions({ maxAttempts: 2, timeoutMs: 5, backoff: { baseMs: 0, maxMs: 0 } });
    const idempotent = vi.fn(hang);
    const error = await runAttempts({ retry, site, idempotent: true }, idempotent).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ attempts: 2, timeoutMs: 5, method: "DELETE", url: site.url });
    expect(idempotent).toHaveBeenCalledTimes(2);

    const once = vi.fn(hang);
    await expect(runAttempts({ retry, site, idempotent: false }, once)).rejects.toMatchObject({
      name: "TimeoutError",
      attempts: 1,
    });
    expect(once).toHaveBeenCalledTimes(1);
  });

  it("gives each attempt a signal that aborts on the timeout", async () => {
    const retry = resolveRetryOptions({ maxAttempts: 1, timeoutMs: 5 });
    let seen: AbortSignal | undefined;
    await expect(
      runAttempts({ retry, site, idempotent: true }, (attempt) => {
        seen = attempt.signal;
        return hang(attempt);
      }),
    ).rejects.toBeInstanceOf(TimeoutError);
    expect(seen?.aborted).toBe(true);
    expect(seen?.reason).toMatchObject({ name: "TimeoutError" });
  });

  it("stops when the caller aborts during an attempt, with the caller's reason", async () => {
    const controller = new AbortController();
    const attempt = vi.fn((a: Attempt) => {
      queueMicrotask(() => controller.abort(new Error("user gave up")));
      return hang(a);
    });
    await expect(
      runAttempts({ retry: fast, signal: controller.signal, site, idempotent: true }, attempt),
    ).rejects.toThrow("user gave up");
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it("stops when the caller aborts during the backoff, without waiting it out", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const attempt = failing(503, { retryAfterMs: 10_000 });
    const pending = runAttempts(
      { retry: resolveRetryOptions(), signal: controller.signal, site, idempotent: true },
      attempt,
    );
    const settled = expect(pending).rejects.toThrow("user gave up");
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort(new Error("user gave up"));
    await settled;
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it("does not start when the caller's signal has already aborted", async () => {
    const attempt = failing(503);
    await expect(
      runAttempts(
        { retry: fast, signal: AbortSignal.abort(new Error("too late")), site, idempotent: true },
        attempt,
      ),
    ).rejects.toThrow("too late");
    expect(attempt).not.toHaveBeenCalled();
  });

  it("waits a full-jitter exponential backoff between attempts", async () => {
    vi.useFakeTimers();
    const retry = resolveRetryOptions({ maxAttempts: 4, backoff: { baseMs: 100, maxMs: 300 } });
    const attempt = failing(503);
    // random() = 1 makes each delay its upper bound: 100, 200, then 400 capped at 300.
    const pending = runAttempts({ retry: withRandom(retry, () => 1), site, idempotent: true }, attempt);
    const settled = expect(pending).rejects.toMatchObject({ status: 503 });
    const callsAfter = async (ms: number) => {
      await vi.advanceTimersByTimeAsync(ms);
      return attempt.mock.calls.length;
    };
    expect(await callsAfter(0)).toBe(1);
    expect(await callsAfter(99)).toBe(1);
    expect(await callsAfter(1)).toBe(2);
    expect(await callsAfter(199)).toBe(2);
    expect(await callsAfter(1)).toBe(3);
    expect(await callsAfter(299)).toBe(3);
    expect(await callsAfter(1)).toBe(4);
    await settled;
  });

  it("honours Retry-After instead of the backoff", async () => {
    vi.useFakeTimers();
    const attempt = failing(429, { retryAfterMs: 3_000 });
    const pending = runAttempts(
      { retry: withRandom(resolveRetryOptions({ maxAttempts: 2 }), () => 0), site, idempotent: true },
      attempt,
    );
    const settled = expect(pending).rejects.toMatchObject({ status: 429 });
    await vi.advanceTimersByTimeAsync(2_999);
    expect(attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempt).toHaveBeenCalledTimes(2);
    await settled;
  });

  it("does not wait for a Retry-After longer than maxRetryAfterMs", async () => {
    const attempt = failing(429, { retryAfterMs: 120_000 });
    await expect(
      runAttempts(
        { retry: resolveRetryOptions({ maxRetryAfterMs: 1_000 }), site, idempotent: true },
        attempt,
      ),
    ).rejects.toMatchObject({ status: 429 });
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it("leaves no listener behind on a long-lived caller signal", async () => {
    const controller = new AbortController();
    for (let i = 0; i < 200; i++) {
      await runAttempts({ retry: fast, signal: controller.signal, site, idempotent: true }, async () => ({
        done: true,
        value: i,
      }));
    }
    expect(getEventListeners(controller.signal, "abort").length).toBeLessThanOrEqual(1);
  });

  it("does not need AbortSignal.any (older runtimes)", async () => {
    const any = AbortSignal.any;
    // biome-ignore lint/suspicious/noExplicitAny: removing a built-in for the test
    (AbortSignal as any).any = undefined;
    try {
      const controller = new AbortController();
      const aborted = runAttempts(
        { retry: resolveRetryOptions({ maxAttempts: 1 }), signal: controller.signal, site, idempotent: true },
        hang,
      );
      controller.abort(new Error("stop"));
      await expect(aborted).rejects.toThrow("stop");
      await expect(
        runAttempts(
          {
            retry: resolveRetryOptions({ maxAttempts: 1, timeoutMs: 5 }),
            signal: new AbortController().signal,
            site,
            idempotent: true,
          },
          hang,
        ),
      ).rejects.toBeInstanceOf(TimeoutError);
    } finally {
      AbortSignal.any = any;
    }
  });
});

describe("resolveRetryOptions", () => {
  it("fills in the defaults", () => {
    expect(resolveRetryOptions()).toEqual({
      maxAttempts: 3,
      timeoutMs: 30_000,
      baseMs: 200,
      maxMs: 5_000,
      maxRetryAfterMs: 20_000,
      retryBudget: 100,
      strategy: expect.objectContaining({ acquireAttempt: expect.any(Function) }),
    });
  });

  it.each([
    [{ maxAttempts: 0 }, /maxAttempts is 0; it must be an integer from 1 to 100/],
    [{ maxAttempts: 1.5 }, /maxAttempts/],
    [{ timeoutMs: -1 }, /timeoutMs is -1/],
    [{ timeoutMs: 0 }, /timeoutMs/],
    [{ timeoutMs: 2 ** 31 }, /timeoutMs is 2147483648; .*2\^31 - 1/],
    [{ timeoutMs: Number.NaN }, /timeoutMs/],
    [{ backoff: { baseMs: -1 } }, /backoff\.baseMs/],
    [{ backoff: { maxMs: Number.POSITIVE_INFINITY } }, /backoff\.maxMs/],
    [{ maxRetryAfterMs: 2 ** 32 }, /maxRetryAfterMs/],
  ])("refuses %j naming the field and the rule", (options, message) => {
    expect(() => resolveRetryOptions(options)).toThrow(message);
    expect(() => resolveRetryOptions(options)).toThrow(expect.objectContaining({ name: "ValidationError" }));
  });

  it("accepts the largest timeout timers can hold", () => {
    expect(resolveRetryOptions({ timeoutMs: 2 ** 31 - 1 }).timeoutMs).toBe(2 ** 31 - 1);
  });
});

describe("runAttempts: maxAttempts × timeoutMs bounds the call, the repair included (#17.6)", () => {
  it("maxAttempts 2, timeoutMs 1 s: a slow 401, a slow repair and a hanging retry end within 2 s", async () => {
    vi.useFakeTimers();
    const retry = resolveRetryOptions({ maxAttempts: 2, timeoutMs: 1_000, backoff: { baseMs: 0, maxMs: 0 } });
    const slow = (outcome: Failure) =>
      new Promise<Failure>((resolve) => setTimeout(() => resolve(outcome), 980));
    const attempt = vi.fn(async (current: Attempt): Promise<AttemptOutcome<string>> => {
      if (current.number === 1)
        return slow({ done: false, error: apiError(401), retryable: false, repair: true });
      if (current.number === 2) return slow({ done: false, error: apiError(503), retryable: true });
      return hang(current);
    });
    const started = Date.now();
    let elapsed = Number.NaN;
    const result = runAttempts({ retry, site, idempotent: true }, attempt).catch((e: unknown) => {
      elapsed = Date.now() - started;
      return e;
    });
    await vi.advanceTimersByTimeAsync(5_000);
    const error = await result;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(elapsed).toBeLessThanOrEqual(2 * 1_000);
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(attempt.mock.calls.map(([a]) => a.canRepair)).toEqual([true, false, false]);
  });

  it("no repair and no retry once the budget is spent", async () => {
    vi.useFakeTimers();
    const retry = resolveRetryOptions({ maxAttempts: 1, timeoutMs: 1_000 });
    const attempt = vi.fn(
      (_current: Attempt): Promise<AttemptOutcome<string>> =>
        new Promise((resolve) =>
          setTimeout(
            () => resolve({ done: false, error: apiError(401), retryable: false, repair: true }),
            1_000,
          ),
        ),
    );
    const result = runAttempts({ retry, site, idempotent: true }, attempt).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await result).toMatchObject({ status: 401 });
    expect(attempt).toHaveBeenCalledTimes(1);
  });
});
