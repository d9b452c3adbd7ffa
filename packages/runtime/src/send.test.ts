import { inspect } from "node:util";
import { describe, expect, it, vi } from "vitest";
import type { AuthScheme } from "./auth-scheme.js";
import type { CallPolicy } from "./call-result.js";
import { type ClientCoreOptions, createClientCore, type ErrorMapping } from "./client-core.js";
import {
  ApiError,
  NetworkError,
  ProtocolError,
  RedirectError,
  ResponseBodyError,
  TimeoutError,
} from "./errors.js";
import type { CallLogEntry } from "./logger.js";
import { createOpenapiClient } from "./openapi-client.js";
import { REDACTED } from "./redact.js";
import { requestUrl } from "./request-url.js";
import { createStandardRetryStrategy } from "./retry/strategy.js";
import { resolveRetryOptions } from "./retry-options.js";
import { send } from "./send.js";
import { ENCODINGS } from "./test/encodings.js";
import type { paths } from "./test/paths.js";
import { type Answer, hangingAnswer, json, observedBody, scriptedFetch } from "./test/scripted-fetch.js";

const SECRET_KEY = "SECRET-KEY/0123456789+abc";
const TOKENS = ["token-one/0123456789", "token-two/0123456789"];
const BASE = "https://api.example/v1";
const fast = resolveRetryOptions({ backoff: { baseMs: 0, maxMs: 0 }, timeoutMs: 1_000 });

class TestApiError extends ApiError {
  override name = "TestApiError";
}

const errors: ErrorMapping = {
  ErrorClass: TestApiError,
  fields(response, body) {
    const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } })?.error;
    return {
      code: error?.code as string | undefined,
      message: error?.message as string | undefined,
      details: error?.details as string | undefined,
      requestId: response.headers.get("x-request-id") ?? undefined,
    };
  },
  requestId: (headers) => headers.get("x-request-id") ?? undefined,
};

/** A token scheme that moves on to the next token after a 401 (when `repairs`), as a token source does. */
function tokenScheme(repairs = true) {
  let current = 0;
  const onUnauthorized = vi.fn((_response: Response, _request: Request) => {
    current = Math.min(current + 1, TOKENS.length - 1);
    return repairs;
  });
  const authorize = vi.fn(async (request: Request, _signal?: AbortSignal) => {
    request.headers.set("x-test-token", TOKENS[current] as string);
  });
  const scheme: AuthScheme = {
    name: "test-token",
    authorize,
    secrets(request) {
      const sent = request?.headers.get("x-test-token");
      return sent ? [SECRET_KEY, sent] : [SECRET_KEY];
    },
    onUnauthorized,
  };
  return { scheme, onUnauthorized, authorize };
}

/** A client's settings and its typed client, with a retry strategy of its own (never shared between tests). */
function kitOf(options: ClientCoreOptions) {
  const retry = { ...options.retry, strategy: createStandardRetryStrategy(options.retry) };
  const core = createClientCore({ ...options, retry });
  return { core, client: createOpenapiClient<paths>(core) };
}
type Kit = ReturnType<typeof kitOf>;

function setup(answers: Answer[], options: Partial<ClientCoreOptions> = {}) {
  const scripted = scriptedFetch(...answers);
  const auth = tokenScheme();
  const kit = kitOf({
    baseUrl: BASE,
    auth: auth.scheme,
    errors,
    retry: fast,
    fetch: scripted.fetch,
    ...options,
  });
  return { ...kit, run: runOn(kit), calls: scripted.calls, auth };
}

/** An operation's call as the clients make one: its request built from the path template, under `policy`. */
function runOn(kit: Kit) {
  return (
    method: "get" | "post" | "delete",
    path: "/things/{id}" | "/things",
    init: { params?: { path?: { id: string }; query?: Record<string, string> }; body?: unknown },
    policy: CallPolicy,
  ): Promise<unknown> =>
    send(
      kit.core,
      {
        method: method.toUpperCase(),
        url: requestUrl(BASE, path, init.params?.path, init.params?.query),
        body: init.body === undefined ? null : JSON.stringify(init.body),
        ...(init.body === undefined ? {} : { headers: { "content-type": "application/json" } }),
      },
      policy,
    ).then((result) => result.data);
}

const deleteThing = { idempotent: true, result: "none" } as const;
const getThing = { idempotent: true, result: "json" } as const;
const params = { params: { path: { id: "a b/1" } } };
const errorBody = (code: string, message: string) => ({ error: { code, message } });

/** Everything an error shows: message, fields, stack, JSON and util.inspect. */
const surfaces = (error: unknown) =>
  [String(error), (error as Error).stack, JSON.stringify(error), inspect(error, { depth: 5 })].join("\n");
const secretForms = [SECRET_KEY, ...TOKENS].flatMap((s) => [
  s,
  s.replaceAll("/", "\\/"),
  encodeURIComponent(s),
  s.slice(0, 12),
]);

describe("send: run", () => {
  it("sends an authenticated request to the operation's URL, redirects refused", async () => {
    const { run, calls } = setup([new Response(null, { status: 204 })]);
    await expect(run("delete", "/things/{id}", params, deleteThing)).resolves.toBeUndefined();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: "DELETE", url: `${BASE}/things/a%20b%2F1` });
    expect(calls[0]?.headers.get("x-test-token")).toBe(TOKENS[0]);
    expect(calls[0]?.init.redirect).toBe("manual");
  });

  it("never reads the 2xx body of a result-none operation: it is cancelled, whatever it is", async () => {
    const { stream, seen } = observedBody(); // endless, and not JSON
    const { run } = setup([
      () => new Response(stream, { status: 200, headers: { "content-type": "application/json" } }),
    ]);
    await expect(run("delete", "/things/{id}", params, deleteThing)).resolves.toBeUndefined();
    expect(seen.cancelled).toBe(true);
    expect(seen.pulls).toBe(0);
  });

  it("returns the parsed JSON of a result-json operation", async () => {
    const { run } = setup([json(200, { id: "x", size: 3 })]);
    await expect(run("get", "/things/{id}", params, getThing)).resolves.toEqual({ id: "x", size: 3 });
  });

  it("sends a JSON request body", async () => {
    const { run, calls } = setup([json(201, { id: "new" })]);
    const created = await run(
      "post",
      "/things",
      { body: { name: "n" } },
      { idempotent: false, result: "json" },
    );
    expect(created).toEqual({ id: "new" });
    expect(calls[0]?.method).toBe("POST");
    expect(await new Response(calls[0]?.init.body).text()).toBe('{"name":"n"}');
  });

  it("refuses a malformed 2xx JSON body with a ResponseBodyError, unretried", async () => {
    const { run, calls } = setup([new Response("<html>ok</html>", { status: 200 })]);
    const error = await run("get", "/things/{id}", params, getThing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseBodyError);
    expect(error).toMatchObject({ status: 200, method: "GET", attempts: 1 });
    expect((error as Error).message).toMatch(/is not JSON/);
    expect(calls).toHaveLength(1);
  });

  it("reads a 2xx JSON body only up to 4 MiB, then cancels it", async () => {
    const { stream, seen } = observedBody(); // endless
    const { run } = setup([() => new Response(stream, { status: 200 })]);
    const error = await run("get", "/things/{id}", params, getThing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseBodyError);
    expect((error as Error).message).toMatch(/larger than 4194304 bytes/);
    expect(seen.cancelled).toBe(true);
    expect(seen.pulls).toBeLessThanOrEqual(4 * 16 + 1);
  });

  it("retries 503 of an idempotent operation up to maxAttempts, and never a non-idempotent one", async () => {
    const idempotent = setup([new Response(null, { status: 503 })]);
    const error = await idempotent
      .run("delete", "/things/{id}", params, deleteThing)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TestApiError);
    expect(error).toMatchObject({
      status: 503,
      attempts: 3,
      method: "DELETE",
      url: `${BASE}/things/a%20b%2F1`,
    });
    expect(idempotent.calls).toHaveLength(3);

    const once = setup([new Response(null, { status: 503 })]);
    await expect(
      once.run("delete", "/things/{id}", params, { idempotent: false, result: "none" }),
    ).rejects.toMatchObject({ status: 503, attempts: 1 });
    expect(once.calls).toHaveLength(1);
  });

  it("retries a 429 after its Retry-After", async () => {
    const { run, calls } = setup([
      new Response(null, { status: 429, headers: { "retry-after": "0" } }),
      new Response(null, { status: 204 }),
    ]);
    await run("delete", "/things/{id}", params, deleteThing);
    expect(calls).toHaveLength(2);
  });

  it("does not retry other 4xx, unless the operation says the error is transient", async () => {
    const plain = setup([json(409, errorBody("BUSY", "busy"))]);
    await expect(plain.run("delete", "/things/{id}", params, deleteThing)).rejects.toMatchObject({
      status: 409,
      code: "BUSY",
    });
    expect(plain.calls).toHaveLength(1);

    const transient = setup([json(409, errorBody("BUSY", "busy")), new Response(null, { status: 204 })]);
    await transient.run("delete", "/things/{id}", params, {
      ...deleteThing,
      retryable: (error) => error.code === "BUSY",
    });
    expect(transient.calls).toHaveLength(2);
  });

  it("turns a fetch rejection into a NetworkError naming the host, retried only when idempotent", async () => {
    const refuse = () => {
      throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    };
    const idempotent = setup([refuse]);
    const error = await idempotent
      .run("delete", "/things/{id}", params, deleteThing)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toContain("api.example");
    expect((error as Error).message).toContain("ECONNREFUSED");
    expect(error).toMatchObject({ attempts: 3 });
    expect(idempotent.calls).toHaveLength(3);

    const once = setup([refuse]);
    await expect(
      once.run("post", "/things", { body: { name: "n" } }, { idempotent: false, result: "json" }),
    ).rejects.toBeInstanceOf(NetworkError);
    expect(once.calls).toHaveLength(1);
  });

  it("does not treat any other TypeError as a network error", async () => {
    const { run, calls } = setup([new Response(null, { status: 204 })]);
    const bug = new TypeError("a bug in an auth scheme");
    const scheme: AuthScheme = {
      name: "broken",
      authorize: async () => {
        throw bug;
      },
      secrets: () => [],
    };
    const broken = kitOf({
      baseUrl: BASE,
      auth: scheme,
      errors,
      retry: fast,
      fetch: vi.fn(),
    });
    await expect(runOn(broken)("delete", "/things/{id}", params, deleteThing)).rejects.toBe(bug);
    expect(calls).toHaveLength(0);
    void run;
  });

  it("refuses a redirect with a RedirectError, never fetching twice nor retrying", async () => {
    const { run, calls } = setup([
      new Response(null, { status: 307, headers: { location: "https://elsewhere.example/things/1" } }),
    ]);
    const error = await run("delete", "/things/{id}", params, deleteThing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 307, location: "https://elsewhere.example/things/1", attempts: 1 });
    expect(calls).toHaveLength(1);
  });

  it("times out each attempt (authentication included), repeating only idempotent operations", async () => {
    const retry = resolveRetryOptions({ timeoutMs: 5, backoff: { baseMs: 0, maxMs: 0 } });
    const idempotent = setup([hangingAnswer], { retry });
    await expect(idempotent.run("delete", "/things/{id}", params, deleteThing)).rejects.toSatisfy(
      (error) => error instanceof TimeoutError && error.attempts === 3,
    );
    expect(idempotent.calls).toHaveLength(3);

    const once = setup([hangingAnswer], { retry });
    await expect(
      once.run("delete", "/things/{id}", params, { idempotent: false, result: "none" }),
    ).rejects.toMatchObject({ name: "TimeoutError", attempts: 1 });

    // a token refresh that never settles is bounded by the same timeout
    const stuck: AuthScheme = {
      name: "stuck",
      authorize: (_request, signal) =>
        new Promise((_, reject) => signal?.addEventListener("abort", () => reject(signal.reason))),
      secrets: () => [],
    };
    const fetchSpy = vi.fn();
    const kit = kitOf({ baseUrl: BASE, auth: stuck, errors, retry, fetch: fetchSpy });
    await expect(runOn(kit)("delete", "/things/{id}", params, deleteThing)).rejects.toBeInstanceOf(
      TimeoutError,
    );
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("stops at once when the caller aborts, with the caller's reason", async () => {
    const controller = new AbortController();
    const { run, calls } = setup([
      (_call, signal) => {
        queueMicrotask(() => controller.abort(new Error("user gave up")));
        return hangingAnswer(_call, signal);
      },
    ]);
    await expect(
      run("delete", "/things/{id}", params, { ...deleteThing, signal: controller.signal }),
    ).rejects.toThrow("user gave up");
    expect(calls).toHaveLength(1);
  });

  it("resolves when the error means the desired state holds already (alreadyGone)", async () => {
    const { run } = setup([json(404, errorBody("GONE", "no such thing"))]);
    await expect(
      run("delete", "/things/{id}", params, { ...deleteThing, alreadyGone: (e) => e.code === "GONE" }),
    ).resolves.toBeUndefined();
    const other = setup([json(404, errorBody("OTHER", "no such route"))]);
    await expect(
      other.run("delete", "/things/{id}", params, { ...deleteThing, alreadyGone: (e) => e.code === "GONE" }),
    ).rejects.toMatchObject({ status: 404, code: "OTHER", message: "no such route" });
  });

  describe("after a 401", () => {
    it("asks the auth scheme to repair, and tries once more outside maxAttempts", async () => {
      const { run, calls, auth } = setup(
        [json(401, errorBody("AUTH", "expired")), new Response(null, { status: 204 })],
        { retry: resolveRetryOptions({ maxAttempts: 1 }) },
      );
      await run("delete", "/things/{id}", params, deleteThing);
      expect(calls).toHaveLength(2);
      expect(calls.map((c) => c.headers.get("x-test-token"))).toEqual(TOKENS);
      expect(auth.onUnauthorized).toHaveBeenCalledTimes(1);
      const [response, request] = auth.onUnauthorized.mock.calls[0] ?? [];
      expect(response?.status).toBe(401);
      expect(request?.headers.get("x-test-token")).toBe(TOKENS[0]);
    });

    it("repairs only once per call", async () => {
      const { run, calls } = setup([json(401, errorBody("AUTH", "expired"))]);
      await expect(run("delete", "/things/{id}", params, deleteThing)).rejects.toMatchObject({
        status: 401,
        attempts: 2,
      });
      expect(calls).toHaveLength(2);
    });

    it("gives up at once when the scheme cannot repair, and a 401 is never retried otherwise", async () => {
      const scripted = scriptedFetch(json(401, errorBody("AUTH", "bad key")));
      const auth = tokenScheme(false);
      const kit = kitOf({
        baseUrl: BASE,
        auth: auth.scheme,
        errors,
        retry: fast,
        fetch: scripted.fetch,
      });
      await expect(runOn(kit)("delete", "/things/{id}", params, deleteThing)).rejects.toMatchObject({
        status: 401,
      });
      expect(scripted.calls).toHaveLength(1);
      expect(auth.onUnauthorized).toHaveBeenCalledTimes(1);
    });

    it("does not ask the scheme to repair anything but a 401", async () => {
      const { run, auth } = setup([json(403, errorBody("DENIED", "no"))]);
      await expect(run("delete", "/things/{id}", params, deleteThing)).rejects.toMatchObject({ status: 403 });
      expect(auth.onUnauthorized).not.toHaveBeenCalled();
    });
  });

  describe("logger", () => {
    it("is called once per attempt with what happened, and nothing secret", async () => {
      const entries: CallLogEntry[] = [];
      const { run } = setup(
        [
          json(503, errorBody("BUSY", `busy ${TOKENS[0]}`), { headers: { "x-request-id": "req-1" } }),
          () => {
            throw new TypeError("fetch failed");
          },
          new Response(null, { status: 204 }),
        ],
        { logger: (entry) => entries.push(entry) },
      );
      await run("delete", "/things/{id}", params, deleteThing);
      expect(entries).toHaveLength(3);
      expect(entries.map((e) => e.attempt)).toEqual([1, 2, 3]);
      expect(entries[0]).toMatchObject({
        method: "DELETE",
        url: `${BASE}/things/a%20b%2F1`,
        status: 503,
        code: "BUSY",
        requestId: "req-1",
      });
      expect(entries[1]).toMatchObject({ error: "NetworkError" });
      expect(entries[2]).toMatchObject({ status: 204 });
      for (const entry of entries) expect(typeof entry.durationMs).toBe("number");
      const logged = JSON.stringify(entries);
      for (const form of secretForms) expect(logged).not.toContain(form);
    });

    it("is ignored when it throws", async () => {
      const logger = vi.fn(() => {
        throw new Error("logger broke");
      });
      const { run, calls } = setup(
        [new Response(null, { status: 503 }), new Response(null, { status: 204 })],
        {
          logger,
        },
      );
      await expect(run("delete", "/things/{id}", params, deleteThing)).resolves.toBeUndefined();
      expect(logger).toHaveBeenCalledTimes(2);
      expect(calls).toHaveLength(2);
    });
  });

  describe("errors carry no secret", () => {
    it("takes the message from the reason phrase when the body has none, redacted", async () => {
      const { run } = setup([
        new Response("not json", { status: 502, statusText: `Bad Gateway for ${TOKENS[0]}` }),
      ]);
      const error = (await run("delete", "/things/{id}", params, {
        ...deleteThing,
        idempotent: false,
      }).catch((e: unknown) => e)) as TestApiError;
      expect(error.message).toBe(`Bad Gateway for ${REDACTED}`);
      expect(error.body).toBe("not json");
      expect(surfaces(error)).not.toContain(TOKENS[0]);
    });

    it("falls back to the status when there is no message at all", async () => {
      const { run } = setup([new Response(null, { status: 502, statusText: "" })]);
      await expect(
        run("delete", "/things/{id}", params, { ...deleteThing, idempotent: false }),
      ).rejects.toMatchObject({ message: "HTTP 502", body: "" });
    });

    it("redacts every field, in raw, JSON-escaped and percent-encoded echoes", async () => {
      const sentToken = TOKENS[0] as string;
      const body = JSON.stringify({
        error: {
          code: `C-${sentToken}`,
          message: `invalid token ${sentToken}`,
          details: `key=${encodeURIComponent(SECRET_KEY)}`,
        },
        echo: { headers: { "x-test-token": sentToken } },
      }).replaceAll("/", "\\/");
      expect(body).toContain("token-one\\/");
      const { run } = setup([
        new Response(body, {
          status: 400,
          statusText: `Bad ${sentToken}`,
          headers: { "content-type": "application/json", "x-request-id": `id-${sentToken}` },
        }),
      ]);
      const error = (await run("delete", "/things/{id}", params, deleteThing).catch(
        (e: unknown) => e,
      )) as TestApiError;
      expect(error).toBeInstanceOf(TestApiError);
      expect(error).toMatchObject({
        status: 400,
        code: `C-${REDACTED}`,
        message: `invalid token ${REDACTED}`,
        details: `key=${REDACTED}`,
        requestId: `id-${REDACTED}`,
        attempts: 1,
      });
      expect(error.body).toContain(`"x-test-token":"${REDACTED}"`);
      const shown = surfaces(error);
      for (const form of secretForms) expect(shown).not.toContain(form);
    });

    it("still makes an ApiError when the mapping breaks on a hostile body, unretried", async () => {
      const hostile = { error: { code: { toString: 1 } } };
      const breaking: ErrorMapping = {
        ErrorClass: TestApiError,
        fields: (_response, body) => ({ code: String((body as typeof hostile).error.code) }),
        requestId: () => undefined,
      };
      const { run, calls } = setup([json(400, hostile)], { errors: breaking });
      const error = await run("delete", "/things/{id}", params, deleteThing).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TestApiError);
      expect(error).toMatchObject({ status: 400, code: undefined, attempts: 1 });
      expect(calls).toHaveLength(1);
    });

    it("cuts long fields to 2000 characters", async () => {
      const { run } = setup([json(400, errorBody("X", "m".repeat(10_000)))]);
      const error = (await run("delete", "/things/{id}", params, deleteThing).catch(
        (e: unknown) => e,
      )) as Error;
      expect(error.message).toHaveLength(2_000);
    });
  });
});

describe("send: client", () => {
  it("is the openapi-fetch client, authenticated", async () => {
    const { client, calls } = setup([new Response(null, { status: 204 })]);
    const { response, error } = await client.DELETE("/things/{id}", params);
    expect(response.status).toBe(204);
    expect(error).toBeUndefined();
    expect(calls[0]?.headers.get("x-test-token")).toBe(TOKENS[0]);
    expect(calls[0]?.init.redirect).toBe("manual");
  });

  it("refuses redirects and bounds and redacts error bodies too", async () => {
    const redirecting = setup([
      new Response(null, { status: 302, headers: { location: "https://evil.example/" } }),
    ]);
    await expect(redirecting.client.DELETE("/things/{id}", params)).rejects.toBeInstanceOf(RedirectError);
    expect(redirecting.calls).toHaveLength(1);

    const echoing = setup([json(404, errorBody("GONE", `no ${TOKENS[0]} ${"x".repeat(100_000)}`))]);
    const { error, response } = await echoing.client.DELETE("/things/{id}", params);
    expect(response.status).toBe(404);
    const text = JSON.stringify(error ?? "");
    expect(text.includes(TOKENS[0] as string)).toBe(false);
    expect(text.length).toBeLessThanOrEqual(64 * 1024 + 100);
  });
});

/** A body that sends `text`, then fails as undici does when the connection closes or resets early. */
function endsEarly(text: string, status: number) {
  return () => {
    const bytes = new TextEncoder().encode(text);
    let sent = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new TypeError("terminated", { cause: { code: "UND_ERR_SOCKET" } }));
        sent = true;
        controller.enqueue(bytes);
      },
    });
    return new Response(stream, { status, headers: { "content-type": "application/json" } });
  };
}

/** A response with a status a Response cannot be made with (undici hands such ones over). */
function oddStatus(status: number) {
  return () => Object.defineProperty(new Response("odd", { status: 500 }), "status", { value: status });
}

describe("send: every failure typed (#17.3, #17.4)", () => {
  for (const status of [200, 400, 503]) {
    it(`a ${status} body that ends early: a NetworkError naming method and URL, retried when idempotent`, async () => {
      const { run, calls } = setup([endsEarly('{"id":"x', status), json(200, { id: "x", size: 1 })]);
      await expect(run("get", "/things/{id}", params, getThing)).resolves.toEqual({ id: "x", size: 1 });
      expect(calls.length).toBeGreaterThan(1);
      const once = setup([endsEarly('{"id":"x', status)], {
        retry: resolveRetryOptions({ maxAttempts: 1, backoff: { baseMs: 0, maxMs: 0 }, timeoutMs: 1_000 }),
      });
      const error = await once.run("get", "/things/{id}", params, getThing).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toMatchObject({ method: "GET", url: `${BASE}/things/a%20b%2F1`, attempts: 1 });
      expect((error as Error).message).toMatch(/ended early: UND_ERR_SOCKET/);
    });
  }

  it("a body that ends early on a POST (not idempotent) is one NetworkError, not retried", async () => {
    const { run, calls } = setup([endsEarly("{", 503), json(201, { id: "x" })]);
    const error = await run(
      "post",
      "/things",
      { body: { name: "n" } },
      { idempotent: false, result: "json" },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(calls).toHaveLength(1);
  });

  for (const status of [600, 999]) {
    it(`a status of ${status} is a ProtocolError, never retried`, async () => {
      const { run, calls } = setup([oddStatus(status), new Response(null, { status: 204 })]);
      const error = await run("delete", "/things/{id}", params, deleteThing).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProtocolError);
      expect(error).toMatchObject({ name: "ProtocolError", status, method: "DELETE", attempts: 1 });
      expect(calls).toHaveLength(1);
    });
  }
});

describe("send: the redactor knows every secret of the call (#17.1)", () => {
  it("a token rejected by a 401 and echoed by the repair's answer is redacted", async () => {
    const { run, calls } = setup([
      json(401, errorBody("AUTH", "expired")),
      () => json(400, errorBody("BAD", `rejected ${TOKENS[0]} earlier`)),
    ]);
    const error = await run("delete", "/things/{id}", params, deleteThing).catch((e: unknown) => e);
    expect(calls.map((c) => c.headers.get("x-test-token"))).toEqual(TOKENS);
    expect(error).toMatchObject({ status: 400, attempts: 2 });
    expect(surfaces(error)).toContain(REDACTED);
    for (const form of secretForms) expect(surfaces(error)).not.toContain(form);
  });

  it("a signature of attempt 1 echoed in attempt 3's answer (a cached error page) is redacted", async () => {
    let attempt = 0;
    const signatures: string[] = [];
    const scheme: AuthScheme = {
      name: "signing",
      async authorize(request) {
        const signature = `sig-${++attempt}-0123456789abcdef/+=`;
        signatures.push(signature);
        request.headers.set("x-signature", signature);
      },
      secrets: (request) => [SECRET_KEY, ...(request ? [request.headers.get("x-signature") ?? ""] : [])],
    };
    const { run } = setup(
      [
        json(503, errorBody("BUSY", "try again")),
        json(503, errorBody("BUSY", "try again")),
        () => json(503, errorBody("BUSY", `cached page for x-signature: ${signatures[0]}`)),
      ],
      { auth: scheme },
    );
    const error = await run("delete", "/things/{id}", params, deleteThing).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, attempts: 3 });
    expect(signatures).toHaveLength(3);
    for (const signature of signatures) {
      expect(surfaces(error)).not.toContain(signature);
      expect(surfaces(error)).not.toContain(encodeURIComponent(signature));
    }
    expect((error as ApiError).message).toBe(`cached page for x-signature: ${REDACTED}`);
  });
});

describe("send: secrets are asked for only when something is redacted", () => {
  it("a successful call never asks the scheme for its secrets; a failed one does, with every attempt's", async () => {
    const scripted = tokenScheme();
    const secrets = vi.spyOn(scripted.scheme, "secrets");
    const ok = setup([new Response(null, { status: 204 })], { auth: scripted.scheme });
    await ok.run("delete", "/things/{id}", params, deleteThing);
    expect(secrets).not.toHaveBeenCalled();
    const failing = setup(
      [json(401, errorBody("AUTH", "expired")), () => json(400, errorBody("BAD", `echo ${TOKENS[0]}`))],
      { auth: scripted.scheme },
    );
    const error = await failing.run("delete", "/things/{id}", params, deleteThing).catch((e: unknown) => e);
    expect(secrets).toHaveBeenCalled();
    expect((error as ApiError).message).toBe(`echo ${REDACTED}`);
  });
});

describe("send: one refresh per rejected token (#17.7)", () => {
  it("a 401 on the repair attempt does not make the scheme drop the token it just got", async () => {
    const { run, auth } = setup([json(401, errorBody("AUTH", "no"))]);
    await expect(run("delete", "/things/{id}", params, deleteThing)).rejects.toMatchObject({ status: 401 });
    // told once (attempt 1); the repair's 401 is not reported as a reason to refresh again
    expect(auth.onUnauthorized).toHaveBeenCalledTimes(1);
  });
});

describe("send: the typed client goes through the same pipeline", () => {
  it("client.DELETE rides out 503, 503, 204, signing each attempt afresh", async () => {
    const { client, calls } = setup([
      json(503, errorBody("BUSY", "busy")),
      json(503, errorBody("BUSY", "busy")),
      new Response(null, { status: 204 }),
    ]);
    const { response, error } = await client.DELETE("/things/{id}", params);
    expect(error).toBeUndefined();
    expect(response.status).toBe(204);
    expect(calls.map((c) => c.method)).toEqual(["DELETE", "DELETE", "DELETE"]);
    expect(calls.every((c) => c.init.redirect === "manual")).toBe(true);
    expect(calls.every((c) => c.headers.get("x-test-token") === TOKENS[0])).toBe(true);
  });

  it("client.GET repairs a 401 once, like an operation", async () => {
    const { client, calls } = setup([
      json(401, errorBody("AUTH", "expired")),
      json(200, { id: "x", size: 1 }),
    ]);
    const { data } = await client.GET("/things/{id}", params);
    expect(data).toEqual({ id: "x", size: 1 });
    expect(calls.map((c) => c.headers.get("x-test-token"))).toEqual([TOKENS[0], TOKENS[1]]);
  });

  it("client.POST is not retried (not idempotent), and its error body comes back bounded and redacted", async () => {
    const { client, calls } = setup([
      (call) => json(503, { echo: call.headers.get("x-test-token"), pad: "z".repeat(200_000) }),
    ]);
    const { error, response } = await client.POST("/things", { body: { name: "n" } });
    expect(response.status).toBe(503);
    expect(calls).toHaveLength(1);
    const text = JSON.stringify(error);
    expect(text.length).toBeLessThanOrEqual(64 * 1024 + 100);
    for (const form of secretForms) expect(text).not.toContain(form);
  });

  it("a failed fetch through the typed client is a typed NetworkError after the retries", async () => {
    const { client } = setup([
      () => {
        throw new TypeError("fetch failed");
      },
    ]);
    const error = await client.DELETE("/things/{id}", params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ method: "DELETE", attempts: 3 });
  });

  it("refuses a 2xx body past 4 MiB on the typed client too", async () => {
    const { stream } = observedBody();
    const { client } = setup([() => new Response(stream, { status: 200 })]);
    await expect(client.GET("/things/{id}", params)).rejects.toBeInstanceOf(ResponseBodyError);
  });
});

describe("send: the client-wide retry budget", () => {
  it("bounds a 503 storm: 200 concurrent calls send at most 300 requests", async () => {
    let requests = 0;
    const storm: typeof fetch = async () => {
      requests++;
      return json(503, errorBody("BUSY", "busy"));
    };
    const kit = kitOf({
      baseUrl: BASE,
      auth: tokenScheme().scheme,
      errors,
      retry: resolveRetryOptions({ maxAttempts: 5, backoff: { baseMs: 0, maxMs: 0 } }),
      fetch: storm,
    });
    const run = runOn(kit);
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () => run("delete", "/things/{id}", params, deleteThing)),
    );
    expect(results.every((r) => r.status === "rejected" && r.reason instanceof TestApiError)).toBe(true);
    expect(requests).toBeGreaterThanOrEqual(200);
    expect(requests).toBeLessThanOrEqual(300);
  });

  it("retryBudget: 0 means no retries at all; a bad value is refused before anything is sent", async () => {
    const { run, calls } = setup([json(503, errorBody("BUSY", "busy"))], {
      retry: resolveRetryOptions({ retryBudget: 0, backoff: { baseMs: 0, maxMs: 0 } }),
    });
    await expect(run("delete", "/things/{id}", params, deleteThing)).rejects.toMatchObject({ attempts: 1 });
    expect(calls).toHaveLength(1);
    expect(() => resolveRetryOptions({ retryBudget: -1 })).toThrow(
      /retryBudget is -1; it must be an integer/,
    );
  });

  it("lets a lone call have all its attempts", async () => {
    const { run, calls } = setup([json(503, errorBody("BUSY", "busy"))], {
      retry: resolveRetryOptions({ maxAttempts: 5, backoff: { baseMs: 0, maxMs: 0 } }),
    });
    const error = await run("delete", "/things/{id}", params, deleteThing).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, attempts: 5 });
    expect(calls).toHaveLength(5);
  });
});

describe("send: what a server controls is redacted on success too (#24, class 1: secrets echoed on a 2xx)", () => {
  // The token the scheme sends, echoed back as the request id of a 204 and of a listing's 200, in every
  // encoding the redactor covers: the result, the log line and JSON.stringify(result) never hold it.
  const token = TOKENS[0] as string;
  for (const [encoding, encode] of Object.entries(ENCODINGS)) {
    it(`X-Request-Id echoing the token as ${encoding}: 204 and 200`, async () => {
      const logged: CallLogEntry[] = [];
      const { run, core } = setup(
        [
          new Response(null, { status: 204, headers: { "x-request-id": `id-${encode(token)}-1` } }),
          json(200, { id: "x", size: 1 }, { headers: { "x-request-id": `id-${encode(token)}-2` } }),
        ],
        { logger: (entry) => logged.push(entry) },
      );
      void run;
      const request = (method: string) => ({ method, url: `${BASE}/things/1` });
      const deleted = await send(core, request("DELETE"), deleteThing);
      const listed = await send(core, request("GET"), getThing);
      for (const result of [deleted, listed]) {
        expect(result.requestId).toContain(REDACTED);
        expect(result.requestId).not.toContain(encode(token));
        expect(JSON.stringify({ ...result, headers: undefined })).not.toContain(encode(token));
      }
      expect(logged.map((entry) => entry.requestId)).toEqual([deleted.requestId, listed.requestId]);
      expect(JSON.stringify(logged)).not.toContain(encode(token));
    });
  }

  it("a plain request id is kept as it is", async () => {
    const { core } = setup([new Response(null, { status: 204, headers: { "x-request-id": "req-0123" } })]);
    const result = await send(core, { method: "DELETE", url: `${BASE}/things/1` }, deleteThing);
    expect(result.requestId).toBe("req-0123");
  });

  it("the typed client's 2xx headers are redacted too", async () => {
    const { client } = setup([
      new Response(null, { status: 204, headers: { "x-request-id": encodeURIComponent(token) } }),
    ]);
    const { response } = await client.DELETE("/things/{id}", params);
    expect(response.headers.get("x-request-id")).toBe(REDACTED);
  });
});

describe("send: one retry strategy per client, throttle-aware", () => {
  it("a 429 with Retry-After pauses the client's other calls once, and they share it", async () => {
    vi.useFakeTimers();
    try {
      let requests = 0;
      const fetchAt: number[] = [];
      const { core } = setup([
        () => {
          requests++;
          fetchAt.push(Date.now());
          return requests === 1
            ? json(429, errorBody("SLOW", "slow"), { headers: { "retry-after": "2" } })
            : new Response(null, { status: 204 });
        },
      ]);
      const request = { method: "DELETE", url: `${BASE}/things/1` };
      const first = send(core, request, deleteThing);
      await vi.advanceTimersByTimeAsync(10);
      // A second call started during the pause waits for it, though its own first attempt never failed.
      const second = send(core, request, deleteThing);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(requests).toBe(1);
      await vi.advanceTimersByTimeAsync(1_100);
      await expect(first).resolves.toMatchObject({ attempts: 2 });
      await expect(second).resolves.toMatchObject({ attempts: 1 });
      expect(requests).toBe(3);
      expect(Math.min(...fetchAt.slice(1)) - (fetchAt[0] as number)).toBeGreaterThanOrEqual(2_000);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a retryStrategy given to the client is the one every call asks", async () => {
    const acquireAttempt = vi.fn(async () => {});
    const retryDelay = vi.fn(() => undefined);
    const recordSuccess = vi.fn();
    const scripted = scriptedFetch(json(503, errorBody("BUSY", "busy")), new Response(null, { status: 204 }));
    const core = createClientCore({
      baseUrl: BASE,
      auth: tokenScheme().scheme,
      errors,
      retry: resolveRetryOptions({ retryStrategy: { acquireAttempt, retryDelay, recordSuccess } }),
      fetch: scripted.fetch,
    });
    await expect(send(core, { method: "DELETE", url: `${BASE}/x` }, deleteThing)).rejects.toMatchObject({
      status: 503,
    });
    await send(core, { method: "DELETE", url: `${BASE}/x` }, deleteThing);
    expect(acquireAttempt).toHaveBeenCalledTimes(2);
    expect(retryDelay).toHaveBeenCalledWith(expect.objectContaining({ retryable: true, status: 503 }), 1);
    expect(recordSuccess).toHaveBeenCalledTimes(1);
  });
});
