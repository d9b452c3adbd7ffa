import { describe, expect, it, vi } from "vitest";
import { createHuaweiTokenSource } from "./huawei-token.js";
import { huaweiTokenAuth } from "./huawei-token-auth.js";

describe("Huawei token source", () => {
  it("returns a fixed token as is", async () => {
    const source = createHuaweiTokenSource("MIIabc");
    expect(await source.get()).toBe("MIIabc");
    expect(source.refreshable).toBe(false);
  });

  it("caches a provider's token until shortly before it expires, and shares one refresh", async () => {
    let now = 0;
    const provider = vi.fn(async () => ({
      token: `t${provider.mock.calls.length}`,
      expiresAt: now + 60 * 60_000,
    }));
    const source = createHuaweiTokenSource(provider, { clock: () => now, refreshBeforeMs: 5 * 60_000 });
    const first = await Promise.all([source.get(), source.get(), source.get()]);
    expect(first).toEqual(["t1", "t1", "t1"]);
    expect(provider).toHaveBeenCalledTimes(1);
    now = 54 * 60_000;
    expect(await source.get()).toBe("t1");
    now = 56 * 60_000; // within 5 minutes of the expiry: refresh
    expect(await Promise.all([source.get(), source.get()])).toEqual(["t2", "t2"]);
    expect(provider).toHaveBeenCalledTimes(2);
    source.invalidate();
    expect(await source.get()).toBe("t3");
  });

  it("assumes 23 hours for a bare string and accepts ISO expiries", async () => {
    let now = Date.parse("2026-01-01T00:00:00Z");
    const strings = vi.fn(async () => "bare");
    const bare = createHuaweiTokenSource(strings, { clock: () => now });
    await bare.get();
    now += 22 * 3600_000;
    await bare.get();
    expect(strings).toHaveBeenCalledTimes(1);
    now += 2 * 3600_000;
    await bare.get();
    expect(strings).toHaveBeenCalledTimes(2);

    const iso = createHuaweiTokenSource(
      async () => ({ token: "x", expiresAt: "2026-01-02T00:00:00.000000Z" }),
      {
        clock: () => now,
      },
    );
    expect(await iso.get()).toBe("x");
  });

  it("does not cache a failed refresh", async () => {
    let calls = 0;
    const source = createHuaweiTokenSource(async () => {
      calls++;
      if (calls === 1) throw new Error("IAM down");
      return "ok";
    });
    await expect(source.get()).rejects.toThrow("IAM down");
    expect(await source.get()).toBe("ok");
  });

  it("refuses a token with CR/LF without echoing it", async () => {
    expect(() => createHuaweiTokenSource("abc\r\nX-Evil: 1")).toThrow(/token contains the character U\+000d/);
    const source = createHuaweiTokenSource(async () => "abc\ndef");
    await expect(source.get()).rejects.toThrow(/token contains/);
  });

  it("sets X-Auth-Token on a Fetch Request", async () => {
    const request = new Request("https://h.example/x", { method: "DELETE" });
    await huaweiTokenAuth("MIItoken").authorize(request);
    expect(request.headers.get("x-auth-token")).toBe("MIItoken");
  });
});
