import { describe, expect, it, vi } from "vitest";
import { createHuaweiTokenSource, type HuaweiTokenProvider } from "./huawei-token.js";
import { huaweiTokenAuth } from "./huawei-token-auth.js";

const URL_ = "https://functiongraph.cn-north-4.myhuaweicloud.com/v2/p/fgs/functions/x";
const request = () => new Request(URL_, { method: "DELETE" });
const unauthorized = () => new Response(null, { status: 401 });

async function authorized(scheme: ReturnType<typeof huaweiTokenAuth>, signal?: AbortSignal) {
  const r = request();
  await scheme.authorize(r, signal);
  return r;
}

/** A provider that hands out token-1, token-2, … */
function counting() {
  let calls = 0;
  return vi.fn<HuaweiTokenProvider>(async () => `token-${++calls}`);
}

describe("huaweiTokenAuth", () => {
  it("sets X-Auth-Token from a fixed token, and lists it as a secret even before sending it", async () => {
    const scheme = huaweiTokenAuth("MIIfixed-token");
    expect(scheme.secrets()).toEqual(["MIIfixed-token"]);
    const r = await authorized(scheme);
    expect(r.headers.get("x-auth-token")).toBe("MIIfixed-token");
    expect(scheme.secrets(r)).toContain("MIIfixed-token");
  });

  it("lists each token it sent as a secret of that request", async () => {
    const scheme = huaweiTokenAuth(counting());
    expect(scheme.secrets()).toEqual([]);
    const r = await authorized(scheme);
    expect(scheme.secrets(r)).toEqual(["token-1"]);
  });

  it("a fixed token cannot be repaired: a 401 is not worth another attempt", async () => {
    const scheme = huaweiTokenAuth("MIIfixed-token");
    expect(scheme.onUnauthorized?.(unauthorized(), await authorized(scheme))).toBe(false);
  });

  it("a 401 drops the rejected token, and the next request gets a fresh one", async () => {
    const provider = counting();
    const scheme = huaweiTokenAuth(provider);
    const first = await authorized(scheme);
    expect(scheme.onUnauthorized?.(unauthorized(), first)).toBe(true);
    expect((await authorized(scheme)).headers.get("x-auth-token")).toBe("token-2");
    expect(provider).toHaveBeenCalledTimes(2);
  });

  it("a late 401 for an old token does not drop the newer one", async () => {
    const provider = counting();
    const scheme = huaweiTokenAuth(provider);
    const old = await authorized(scheme); // token-1
    scheme.onUnauthorized?.(unauthorized(), old);
    const current = await authorized(scheme); // token-2
    expect(current.headers.get("x-auth-token")).toBe("token-2");
    // a second answer for a token-1 request arrives late
    expect(scheme.onUnauthorized?.(unauthorized(), old)).toBe(true);
    expect((await authorized(scheme)).headers.get("x-auth-token")).toBe("token-2");
    expect(provider).toHaveBeenCalledTimes(2);
  });

  it("200 concurrent 401s for one revoked token cause one refresh", async () => {
    const provider = counting();
    const scheme = huaweiTokenAuth(provider);
    const sent = await Promise.all(Array.from({ length: 200 }, () => authorized(scheme)));
    for (const r of sent) scheme.onUnauthorized?.(unauthorized(), r);
    const again = await Promise.all(Array.from({ length: 200 }, () => authorized(scheme)));
    expect(new Set(again.map((r) => r.headers.get("x-auth-token")))).toEqual(new Set(["token-2"]));
    expect(provider).toHaveBeenCalledTimes(2);
  });

  it("ignores a 401 for a request it did not authorize", () => {
    const scheme = huaweiTokenAuth(counting());
    expect(scheme.onUnauthorized?.(unauthorized(), request())).toBe(false);
  });

  it("accepts a HuaweiTokenSource", async () => {
    const source = createHuaweiTokenSource(counting());
    const scheme = huaweiTokenAuth(source);
    expect((await authorized(scheme)).headers.get("x-auth-token")).toBe("token-1");
  });

  describe("a provider that never settles", () => {
    it("is bounded by the signal it is given, and the provider's own signal aborts", async () => {
      let providerSignal: AbortSignal | undefined;
      const stuck: HuaweiTokenProvider = ({ signal }) => {
        providerSignal = signal;
        return new Promise(() => {});
      };
      const scheme = huaweiTokenAuth(stuck);
      const controller = new AbortController();
      const pending = authorized(scheme, controller.signal);
      controller.abort(new Error("attempt timed out"));
      await expect(pending).rejects.toThrow("attempt timed out");
      expect(providerSignal?.aborted).toBe(true);
    });

    it("does not block later calls: the next caller starts a new refresh", async () => {
      let calls = 0;
      const provider: HuaweiTokenProvider = () => (++calls === 1 ? new Promise(() => {}) : "token-fresh");
      const scheme = huaweiTokenAuth(provider);
      const controller = new AbortController();
      const stuck = authorized(scheme, controller.signal);
      controller.abort(new Error("gave up"));
      await expect(stuck).rejects.toThrow("gave up");
      const r = await authorized(scheme, new AbortController().signal);
      expect(r.headers.get("x-auth-token")).toBe("token-fresh");
    });

    it("keeps a refresh alive while another caller still waits for it", async () => {
      let resolve: (token: string) => void = () => {};
      const provider = vi.fn<HuaweiTokenProvider>(() => new Promise<string>((r) => (resolve = r)));
      const scheme = huaweiTokenAuth(provider);
      const impatient = new AbortController();
      const first = authorized(scheme, impatient.signal);
      const second = authorized(scheme, new AbortController().signal);
      impatient.abort(new Error("gave up"));
      await expect(first).rejects.toThrow("gave up");
      resolve("token-shared");
      expect((await second).headers.get("x-auth-token")).toBe("token-shared");
      expect(provider).toHaveBeenCalledTimes(1);
    });
  });

  it("refuses an invalid expiry from the provider with a ValidationError naming it", async () => {
    const scheme = huaweiTokenAuth(async () => ({ token: "t-1234", expiresAt: "not a date" }));
    await expect(authorized(scheme)).rejects.toMatchObject({ name: "ValidationError", field: "expiresAt" });
  });
});
