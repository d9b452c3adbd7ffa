import { inspect } from "node:util";
import { parseHuaweiSdkDate } from "@fnapi/auth";
import { createFgsClient, FgsApiError, formatFunctionUrn } from "@fnapi/fgs-client";
import { createNcfClient, NcfApiError, NetworkError, TimeoutError } from "@fnapi/ncf-client";
import { afterEach, describe, expect, it } from "vitest";
import { type Handler, type LoopbackServer, startLoopbackServer } from "./loopback-server.js";

// Fault injection: a loopback server misbehaves in one way per test, and each test asserts the outcome,
// the error type and the exact number of attempts the server saw.

const SECRET = "ncp-SECRET-never-shown-0123456789";
const TOKEN = "MIItoken-SECRET-never-shown";
const projectId = "7aad83af3e8d42e99ac194e8419e2c9b";
const urn = formatFunctionUrn({ region: "cn-north-4", projectId, name: "hello" });
const fast = { backoff: { baseMs: 5, maxMs: 20 } };

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler) {
  server = await startLoopbackServer(handler);
  const ncf = createNcfClient({
    accessKey: "AK",
    secretKey: SECRET,
    baseUrl: `${server.url}/ncf/api/v2`,
    ...fast,
  });
  const fgs = createFgsClient({ projectId, token: TOKEN, baseUrl: server.url, ...fast });
  return { ncf, fgs, requests: server.requests };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_, res) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
const ncpError = (status: number, code: string, headers?: Record<string, string>) =>
  json(status, { error: { errorCode: code, message: `E${code}`, details: "d" } }, headers);
const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe("fault injection", () => {
  it("connection reset: NetworkError after maxAttempts, each attempt reaching the server", async () => {
    const { ncf, requests } = await serve((req) => req.socket.destroy());
    const error = await caught(ncf.deletePackage("package001"));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ attempts: 3 });
    expect((error as Error).cause).toBeDefined();
    expect(requests).toHaveLength(3);
  });

  it("a server that never answers: TimeoutError per attempt", async () => {
    server = await startLoopbackServer(() => {});
    const ncf = createNcfClient({
      accessKey: "AK",
      secretKey: SECRET,
      baseUrl: server.url,
      timeoutMs: 150,
      maxAttempts: 2,
      ...fast,
    });
    const error = await caught(ncf.deletePackage("package001"));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ attempts: 2, timeoutMs: 150 });
    expect(server.requests).toHaveLength(2);
  });

  it("headers sent, then a body that never ends: TimeoutError", async () => {
    const { requests } = await serve((_, res) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.write('{"error":');
    });
    const slow = createNcfClient({
      accessKey: "AK",
      secretKey: SECRET,
      baseUrl: server?.url ?? "",
      timeoutMs: 150,
      maxAttempts: 1,
    });
    await expect(slow.deletePackage("package001")).rejects.toBeInstanceOf(TimeoutError);
    expect(requests).toHaveLength(1);
  });

  it("503 with Retry-After: waits as told, then succeeds, signing the retry afresh", async () => {
    const { ncf, requests } = await serve((req, res, index) => {
      if (index === 0) return ncpError(503, "500", { "retry-after": "1" })(req, res, index);
      res.writeHead(204).end();
    });
    const started = Date.now();
    await expect(ncf.deletePackage("package001")).resolves.toMatchObject({ alreadyGone: false });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(requests).toHaveLength(2);
    const [first, second] = requests;
    expect(second?.headers["x-ncp-apigw-timestamp"]).not.toBe(first?.headers["x-ncp-apigw-timestamp"]);
    expect(second?.headers["x-ncp-apigw-signature-v2"]).not.toBe(first?.headers["x-ncp-apigw-signature-v2"]);
  });

  it("429 every time: NcfApiError after 3 attempts", async () => {
    const { ncf, requests } = await serve(ncpError(429, "420"));
    const error = await caught(ncf.deletePackage("package001"));
    expect(error).toBeInstanceOf(NcfApiError);
    expect(error).toMatchObject({ status: 429, code: "420", attempts: 3 });
    expect(requests).toHaveLength(3);
  });

  it("500 then 204: resolves on the second attempt", async () => {
    const { fgs, requests } = await serve((req, res, index) =>
      index === 0
        ? json(500, { error_code: "FSS.0500", error_msg: "x" })(req, res, index)
        : res.writeHead(204).end(),
    );
    await expect(fgs.deleteFunction(urn)).resolves.toMatchObject({ alreadyGone: false });
    expect(requests).toHaveLength(2);
  });

  it("a retried 5xx whose delete did happen: missingOk turns the 404 into success", async () => {
    const { fgs, requests } = await serve((req, res, index) =>
      index === 0
        ? json(502, { error_code: "FSS.0502", error_msg: "x" })(req, res, index)
        : json(404, { error_code: "FSS.1051", error_msg: "gone" })(req, res, index),
    );
    await expect(fgs.deleteFunction(urn, { missingOk: true })).resolves.toMatchObject({ alreadyGone: true });
    expect(requests).toHaveLength(2);
  });

  it("never retries other 4xx", async () => {
    const { ncf, requests } = await serve(ncpError(409, "80109"));
    await expect(ncf.deletePackage("package001")).rejects.toMatchObject({
      status: 409,
      code: "80109",
      attempts: 1,
    });
    expect(requests).toHaveLength(1);
  });

  it("an HTML error page keeps its raw text", async () => {
    const page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    const { fgs, requests } = await serve((_, res) => {
      res.writeHead(502, "Bad Gateway", { "content-type": "text/html", "x-request-id": "req-html" });
      res.end(page);
    });
    const error = await caught(fgs.deleteFunction(urn));
    expect(error).toBeInstanceOf(FgsApiError);
    expect(error).toMatchObject({
      status: 502,
      code: undefined,
      message: "Bad Gateway",
      body: page,
      requestId: "req-html",
      attempts: 3,
    });
    expect(requests).toHaveLength(3);
  });

  it("malformed JSON keeps its raw text", async () => {
    const { ncf } = await serve((_, res) => {
      res.writeHead(400, { "content-type": "application/json" });
      res.end('{"error": {"errorCode": "100",');
    });
    await expect(ncf.deletePackage("package001")).rejects.toMatchObject({
      status: 400,
      code: undefined,
      body: '{"error": {"errorCode": "100",',
      attempts: 1,
    });
  });

  it("an empty 502: typed error with status only, retried", async () => {
    const { ncf, requests } = await serve((_, res) => res.writeHead(502).end());
    const error = await caught(ncf.deletePackage("package001"));
    expect(error).toBeInstanceOf(NcfApiError);
    expect(error).toMatchObject({ status: 502, code: undefined, body: "", attempts: 3 });
    expect(requests).toHaveLength(3);
  });

  it("a huge error body is cut at 64 KiB", async () => {
    const chunk = "x".repeat(64 * 1024);
    const { ncf } = await serve((_, res) => {
      res.writeHead(400, { "content-type": "text/plain" });
      res.on("error", () => {});
      let sent = 0;
      const pump = () => {
        while (sent < 320 && res.write(chunk)) sent++; // up to 20 MiB
        if (sent < 320) res.once("drain", pump);
        else res.end();
      };
      pump();
    });
    const error = (await caught(ncf.deletePackage("package001"))) as NcfApiError;
    expect(error).toBeInstanceOf(NcfApiError);
    expect(error.body.length).toBe(64 * 1024);
  });

  it("a skewed clock: corrects its offset from the Date header and retries once", async () => {
    const serverOffset = 2 * 3600_000;
    const { ncf, requests } = await serve((req, res) => {
      const serverNow = Date.now() + serverOffset;
      const sentAt = Number(req.headers["x-ncp-apigw-timestamp"] ?? 0);
      res.setHeader("date", new Date(serverNow).toUTCString());
      if (Math.abs(serverNow - sentAt) < 5 * 60_000) return res.writeHead(204).end();
      res.writeHead(401, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          error: { errorCode: "200", message: "Authentication Failed", details: "Invalid timestamp" },
        }),
      );
    });
    await expect(ncf.deletePackage("package001", { platform: "vpc" })).resolves.toMatchObject({
      alreadyGone: false,
    });
    expect(requests).toHaveLength(2);
    // the offset is kept: the next call succeeds at once
    await ncf.deletePackage("package001");
    expect(requests).toHaveLength(3);
  });

  it("a skewed clock with AK/SK signing: corrected from the Date header", async () => {
    server = await startLoopbackServer((req, res) => {
      const serverNow = Date.now() - 3600_000;
      const sentAt = parseHuaweiSdkDate(String(req.headers["x-sdk-date"]));
      res.setHeader("date", new Date(serverNow).toUTCString());
      if (Math.abs(serverNow - sentAt) < 15 * 60_000) return res.writeHead(204).end();
      res.writeHead(401, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          error_code: "APIGW.0303",
          error_msg: "Incorrect app authentication information: signature expired",
          request_id: "r",
        }),
      );
    });
    const fgs = createFgsClient({
      projectId,
      accessKey: "AK",
      secretKey: SECRET,
      baseUrl: server.url,
      maxAttempts: 1,
    });
    await expect(fgs.deleteFunction(urn)).resolves.toMatchObject({ alreadyGone: false });
    expect(server.requests).toHaveLength(2);
  });

  it("a 401 without skew is not retried", async () => {
    const { ncf, requests } = await serve(ncpError(401, "200"));
    await expect(ncf.deletePackage("package001")).rejects.toMatchObject({ status: 401, attempts: 1 });
    expect(requests).toHaveLength(1);
  });

  it("a stale token from a provider is fetched again once on 401", async () => {
    let issued = 0;
    server = await startLoopbackServer((req, res) =>
      req.headers["x-auth-token"] === "token-2"
        ? res.writeHead(204).end()
        : json(401, { error_code: "APIGW.0301", error_msg: "token expired" })(req, res, 0),
    );
    const fgs = createFgsClient({ projectId, baseUrl: server.url, token: async () => `token-${++issued}` });
    await expect(fgs.deleteFunction(urn)).resolves.toMatchObject({ alreadyGone: false });
    expect(server.requests.map((r) => r.headers["x-auth-token"])).toEqual(["token-1", "token-2"]);
  });

  it("aborting stops retries at once with the caller's reason", async () => {
    const { ncf, requests } = await serve(ncpError(503, "500", { "retry-after": "10" }));
    const controller = new AbortController();
    const started = Date.now();
    const pending = caught(ncf.deletePackage("package001", { signal: controller.signal }));
    setTimeout(() => controller.abort(new Error("deploy cancelled")), 100);
    const error = (await pending) as Error;
    expect(error.message).toBe("deploy cancelled");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(requests).toHaveLength(1);
  });

  it("an echoed request never leaks a secret into the error", async () => {
    const echo: Handler = (req, res) => {
      res.writeHead(401, {
        "content-type": "application/json",
        "x-request-id": String(req.headers["x-auth-token"] ?? ""),
      });
      res.end(JSON.stringify({ error_code: "APIGW.0301", error_msg: `bad ${JSON.stringify(req.headers)}` }));
    };
    const { ncf, fgs } = await serve(echo);
    for (const call of [() => fgs.deleteFunction(urn), () => ncf.deletePackage("package001")]) {
      const error = (await caught(call())) as Error;
      const renderings = [
        String(error),
        error.stack ?? "",
        JSON.stringify(error),
        inspect(error, { depth: 10, showHidden: true }),
      ];
      for (const text of renderings) {
        expect(text).not.toContain(SECRET);
        expect(text).not.toContain(TOKEN);
        expect(text).not.toMatch(/x-ncp-apigw-signature-v2":"[A-Za-z0-9+/=]{20,}/);
      }
      expect(renderings.join("")).toContain("[REDACTED]");
    }
    for (const client of [ncf, fgs]) {
      const text = inspect(client, { depth: 10, showHidden: true });
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(TOKEN);
    }
  });
});
