import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createCredentialsCache } from "./credentials-cache.js";
import { HUAWEI_RENEWAL, NCP_RENEWAL, renewalTimes } from "./renewal-rule.js";
import { type TemporaryCredentials, toKeys } from "./temporary-credentials.js";

const MINUTE = 60_000;

/** A provider that counts its calls and issues keys valid `lifetimeMs` from the (fake) clock's now. */
function issuer(clock: () => number, lifetimeMs: number) {
  const issued: TemporaryCredentials[] = [];
  const provider = async () => {
    const n = issued.length + 1;
    const keys = {
      accessKey: `TEMPAK${String(n).padStart(6, "0")}`,
      secretKey: `temp-secret-${n}-value`,
      securityToken: `temp-token-${n}-value`,
      expiresAt: clock() + lifetimeMs,
    };
    issued.push(keys);
    return keys;
  };
  return { provider, issued };
}

describe("the renewal rule", () => {
  it("Huawei: 40 minutes before expiry for long-lived keys, at half-life for short ones", () => {
    const hour6 = renewalTimes(HUAWEI_RENEWAL, 0, 360 * MINUTE);
    expect(hour6).toEqual({ refreshAt: 320 * MINUTE, requiredAt: 320 * MINUTE });
    const min15 = renewalTimes(HUAWEI_RENEWAL, 0, 15 * MINUTE);
    expect(min15.refreshAt).toBe(7.5 * MINUTE);
  });

  it("NAVER: started 15 minutes before expiry, waited for at 5", () => {
    expect(renewalTimes(NCP_RENEWAL, 0, 60 * MINUTE)).toEqual({
      refreshAt: 45 * MINUTE,
      requiredAt: 55 * MINUTE,
    });
  });

  it("keys with no expiry are never renewed by time", () => {
    expect(renewalTimes(HUAWEI_RENEWAL, 0, Number.POSITIVE_INFINITY).refreshAt).toBe(Infinity);
  });
});

describe("createCredentialsCache", () => {
  it("50 concurrent calls on a cold provider cause one credential request", async () => {
    let now = 0;
    const { provider, issued } = issuer(() => now, 60 * MINUTE);
    const cache = createCredentialsCache(provider, HUAWEI_RENEWAL, { clock: () => now });
    const keys = await Promise.all(Array.from({ length: 50 }, () => cache.get(AbortSignal.timeout(30_000))));
    expect(issued).toHaveLength(1);
    expect(new Set(keys).size).toBe(1);
    now += 1;
  });

  it.each([
    ["Huawei, 6-hour keys", HUAWEI_RENEWAL, 360 * MINUTE],
    ["Huawei, 15-minute keys", HUAWEI_RENEWAL, 15 * MINUTE],
    ["NAVER, 1-hour keys", NCP_RENEWAL, 60 * MINUTE],
  ] as const)(
    "%s: 500 calls over a key's lifetime cause one renewal, and never use expired keys",
    async (_, rule, lifetime) => {
      let now = 0;
      const { provider, issued } = issuer(() => now, lifetime);
      const cache = createCredentialsCache(provider, rule, { clock: () => now });
      for (let i = 0; i < 500; i++) {
        now = Math.floor((i * lifetime) / 500);
        const keys = await cache.get();
        expect(keys.expiresAt).toBeGreaterThan(now);
      }
      // The cold fetch, then exactly one renewal when the keys reach their threshold.
      expect(issued).toHaveLength(2);
    },
  );

  it("over three lifetimes, one renewal per lifetime", async () => {
    let now = 0;
    const lifetime = 360 * MINUTE;
    const { provider, issued } = issuer(() => now, lifetime);
    const cache = createCredentialsCache(provider, HUAWEI_RENEWAL, { clock: () => now });
    for (let i = 0; i < 1500; i++) {
      now = Math.floor((i * lifetime) / 500);
      await cache.get();
    }
    // Fetched at 0, then at 320, 640 and 960 minutes (40 minutes before each expiry).
    expect(issued).toHaveLength(4);
  });

  it("a 401 drops only the keys it blamed: a burst of rejections causes one renewal", async () => {
    const now = 0;
    const { provider, issued } = issuer(() => now, 60 * MINUTE);
    const cache = createCredentialsCache(provider, HUAWEI_RENEWAL, { clock: () => now });
    const first = await cache.get();
    for (let i = 0; i < 20; i++) expect(cache.reject(first)).toBe(true);
    const next = await Promise.all(Array.from({ length: 20 }, () => cache.get()));
    expect(issued).toHaveLength(2);
    expect(next.every((k) => k.accessKey === "TEMPAK000002")).toBe(true);
    cache.reject(first); // a late 401 for the old keys
    await cache.get();
    expect(issued).toHaveLength(2);
  });

  it("a caller waits no longer than its own signal; a provider that never settles blocks no later call", async () => {
    let calls = 0;
    let hang = true;
    const cache = createCredentialsCache(({ signal }) => {
      calls++;
      if (!hang) return { accessKey: "AKLATER1", secretKey: "later-secret" };
      return new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
    }, HUAWEI_RENEWAL);
    const controller = new AbortController();
    const waiting = cache.get(controller.signal);
    controller.abort(new Error("the call's bound"));
    await expect(waiting).rejects.toThrow("the call's bound");
    hang = false;
    await expect(cache.get()).resolves.toMatchObject({ accessKey: "AKLATER1" });
    expect(calls).toBe(2);
  });

  it("a bad answer is a ValidationError that quotes no value", async () => {
    const cache = createCredentialsCache(
      () => ({ accessKey: "AK", secretKey: "bad secret\nvalue" }) as TemporaryCredentials,
      HUAWEI_RENEWAL,
    );
    const error = await cache.get().catch((e: Error) => e);
    expect(String((error as Error).message)).toMatch(/secretKey contains/);
    expect(String((error as Error).message)).not.toContain("bad secret");
  });
});

describe("temporary keys are secret everywhere static ones are", () => {
  const keys = toKeys({
    accessKey: "TEMPAKEXAMPLE1234",
    secretKey: "temporary-secret-value",
    securityToken: "security-token-value",
    expiresAt: "2030-01-01T00:00:00Z",
    source: "huawei-ecs-metadata",
  });
  it.each([
    ["JSON.stringify", () => JSON.stringify(keys)],
    ["util.inspect", () => inspect(keys, { depth: 5, showHidden: false })],
    ["a spread", () => JSON.stringify({ ...keys })],
    ["String()", () => `${Object.values(keys).join(",")}`],
  ])("%s shows neither the secret key nor the token", (_, show) => {
    const text = show();
    expect(text).not.toContain("temporary-secret-value");
    expect(text).not.toContain("security-token-value");
  });
  it("the key id is shown by its last 4 characters", () => {
    expect(JSON.stringify(keys)).toContain("…1234");
    expect(JSON.stringify(keys)).not.toContain("TEMPAKEXAMPLE");
  });
});
