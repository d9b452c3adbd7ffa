import { describe, expect, it } from "vitest";
import { attemptRequest } from "./attempt-request.js";
import { NetworkError, RedirectError } from "./errors.js";
import { createRedactor, REDACTED } from "./redact.js";
import { hangingAnswer, scriptedFetch } from "./test/scripted-fetch.js";
import { type SendContext, send } from "./transport.js";

const TOKEN = "tok/EN-0123456789abcdef";
const url = "https://api.example/v1/things/1";
const site = { method: "DELETE", url };

function context(fetchImpl: typeof fetch, signal = new AbortController().signal): SendContext {
  return { fetch: fetchImpl, signal, site, attempt: 2, redactor: () => createRedactor([TOKEN]) };
}
const request = () => attemptRequest(url, "DELETE", new Headers({ "x-auth-token": TOKEN }), null);

describe("send", () => {
  it("passes method, headers and the signal to fetch, and refuses to follow redirects", async () => {
    const { fetch, calls } = scriptedFetch(new Response(null, { status: 204 }));
    const controller = new AbortController();
    const response = await send(request(), context(fetch, controller.signal));
    expect(response.status).toBe(204);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ url, method: "DELETE" });
    expect(calls[0]?.headers.get("x-auth-token")).toBe(TOKEN);
    expect(calls[0]?.init.redirect).toBe("manual");
    expect(calls[0]?.init.signal).toBe(controller.signal);
  });

  it("returns a 2xx response untouched, body unread", async () => {
    const answer = new Response("anything at all", { status: 200 });
    const response = await send(
      request(),
      context(async () => answer),
    );
    expect(response).toBe(answer);
    expect(response.bodyUsed).toBe(false);
  });

  it.each([301, 302, 303, 307, 308])(
    "turns a %i into a RedirectError with no second fetch",
    async (status) => {
      const { fetch, calls } = scriptedFetch(
        new Response("moved", {
          status,
          headers: { location: `https://evil.example/steal?t=${encodeURIComponent(TOKEN)}` },
        }),
      );
      const error = await send(request(), context(fetch)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedirectError);
      expect(error).toMatchObject({ status, method: "DELETE", url, attempts: 2 });
      expect((error as RedirectError).location).toBe(`https://evil.example/steal?t=${REDACTED}`);
      expect((error as Error).message).toContain(`${status}`);
      expect((error as Error).message).not.toContain(encodeURIComponent(TOKEN));
      expect(calls).toHaveLength(1);
    },
  );

  it("turns a browser's opaque redirect into a RedirectError with status 0", async () => {
    const opaque = Object.assign(Object.create(Response.prototype) as Response, {});
    Object.defineProperties(opaque, {
      type: { value: "opaqueredirect" },
      status: { value: 0 },
      headers: { value: new Headers() },
      body: { value: null },
    });
    const error = await send(
      request(),
      context(async () => opaque),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 0, location: undefined });
    expect((error as Error).message).toContain("opaque");
  });

  it("turns a rejection of fetch into a NetworkError naming the host, with a redacted cause", async () => {
    const failure = new TypeError(`fetch failed for ${url}?t=${TOKEN}`, {
      cause: Object.assign(new Error(`connect ECONNREFUSED (${TOKEN})`), { code: "ECONNREFUSED" }),
    });
    const error = await send(
      request(),
      context(async () => {
        throw failure;
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    const network = error as NetworkError;
    expect(network.message).toContain("api.example");
    expect(network.message).toContain("ECONNREFUSED");
    expect(network).toMatchObject({ method: "DELETE", url, attempts: 2 });
    const cause = network.cause as Error & { code?: string };
    expect(cause).not.toBe(failure);
    expect(cause).toMatchObject({ name: "TypeError", code: "ECONNREFUSED" });
    expect(cause.message).not.toContain(TOKEN);
    expect(JSON.stringify({ ...network, cause: String(cause), stack: network.stack })).not.toContain(TOKEN);
  });

  it("uses the message when the failure has no code, redacted and cut", async () => {
    const error = (await send(
      request(),
      context(async () => {
        throw new Error(`socket hang up ${TOKEN} ${"x".repeat(1_000)}`);
      }),
    ).catch((e: unknown) => e)) as NetworkError;
    expect(error.message).toContain(`socket hang up ${REDACTED}`);
    expect(error.message).not.toContain(TOKEN);
    expect(error.message.length).toBeLessThan(500);
  });

  it("lets an abort through as the signal's reason, not as a NetworkError", async () => {
    const controller = new AbortController();
    const { fetch } = scriptedFetch(hangingAnswer);
    const sent = send(request(), context(fetch, controller.signal));
    const reason = new DOMException("The attempt timed out", "TimeoutError");
    controller.abort(reason);
    await expect(sent).rejects.toBe(reason);
  });

  it("hands an error response on untouched: the pipeline bounds and redacts it", async () => {
    const answer = new Response("busy", { status: 503 });
    const response = await send(
      request(),
      context(async () => answer),
    );
    expect(response).toBe(answer);
  });
});
