import { describe, expect, it } from "vitest";
import { ApiError, NetworkError, TimeoutError } from "./errors.js";
import { parseRetryAfter, resolveRetryOptions, runAttempts } from "./retry.js";

const apiError = (status: number) =>
  new ApiError({ status, code: String(status), message: "x", body: "", attempts: 1 });
const fast = resolveRetryOptions({ backoff: { baseMs: 1, maxMs: 2 }, timeoutMs: 200 });

describe("runAttempts", () => {
  it("retries retryable outcomes up to maxAttempts", async () => {
    let calls = 0;
    await expect(
      runAttempts(fast, undefined, async () => {
        calls++;
        return { done: false, error: apiError(503), retryable: true };
      }),
    ).rejects.toMatchObject({ status: 503 });
    expect(calls).toBe(3);
  });

  it("never retries a non-retryable outcome", async () => {
    let calls = 0;
    await expect(
      runAttempts(fast, undefined, async () => {
        calls++;
        return { done: false, error: apiError(404), retryable: false };
      }),
    ).rejects.toMatchObject({ status: 404 });
    expect(calls).toBe(1);
  });

  it("allows one repair attempt outside the budget", async () => {
    let calls = 0;
    const value = await runAttempts(resolveRetryOptions({ maxAttempts: 1 }), undefined, async () => {
      calls++;
      return calls === 1
        ? { done: false, error: apiError(401), retryable: false, repair: true }
        : { done: true, value: "ok" };
    });
    expect(value).toBe("ok");
    expect(calls).toBe(2);
  });

  it("turns fetch TypeErrors into NetworkError and timeouts into TimeoutError", async () => {
    await expect(
      runAttempts(resolveRetryOptions({ maxAttempts: 1 }), undefined, async () => {
        throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
      }),
    ).rejects.toBeInstanceOf(NetworkError);
    await expect(
      runAttempts(
        resolveRetryOptions({ maxAttempts: 2, timeoutMs: 20, backoff: { baseMs: 1 } }),
        undefined,
        (a) => new Promise((_, reject) => a.signal.addEventListener("abort", () => reject(a.signal.reason))),
      ),
    ).rejects.toSatisfy((error) => error instanceof TimeoutError && error.attempts === 2);
  });

  it("stops at once when the caller aborts, with the caller's reason", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = runAttempts(
      resolveRetryOptions({ backoff: { baseMs: 10_000, maxMs: 10_000 } }),
      controller.signal,
      async () => ({ done: false, error: apiError(503), retryable: true, retryAfterMs: 10_000 }),
    );
    setTimeout(() => controller.abort(new Error("user gave up")), 20);
    await expect(pending).rejects.toThrow("user gave up");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("does not wait for a Retry-After longer than maxRetryAfterMs", async () => {
    let calls = 0;
    await expect(
      runAttempts(resolveRetryOptions({ maxRetryAfterMs: 1_000 }), undefined, async () => {
        calls++;
        return { done: false, error: apiError(429), retryable: true, retryAfterMs: 120_000 };
      }),
    ).rejects.toMatchObject({ status: 429 });
    expect(calls).toBe(1);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(
      parseRetryAfter("Wed, 21 Oct 2015 07:28:10 GMT", Date.parse("Wed, 21 Oct 2015 07:28:00 GMT")),
    ).toBe(10_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
  it("validates options", () => {
    expect(() => resolveRetryOptions({ maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(() => resolveRetryOptions({ timeoutMs: -1 })).toThrow(/timeoutMs/);
  });
});

describe("runtimes without AbortSignal.any (Node < 20.3)", () => {
  it("still aborts on the caller's signal and on the timeout", async () => {
    const any = AbortSignal.any;
    // biome-ignore lint/suspicious/noExplicitAny: removing a built-in for the test
    (AbortSignal as any).any = undefined;
    try {
      const controller = new AbortController();
      const hang = (a: { signal: AbortSignal }) =>
        new Promise<never>((_, reject) => a.signal.addEventListener("abort", () => reject(a.signal.reason)));
      const aborted = runAttempts(resolveRetryOptions({ maxAttempts: 1 }), controller.signal, hang);
      controller.abort(new Error("stop"));
      await expect(aborted).rejects.toThrow("stop");
      await expect(
        runAttempts(
          resolveRetryOptions({ maxAttempts: 1, timeoutMs: 20 }),
          new AbortController().signal,
          hang,
        ),
      ).rejects.toBeInstanceOf(TimeoutError);
    } finally {
      AbortSignal.any = any;
    }
  });
});
