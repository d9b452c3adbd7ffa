import { createHmac } from "node:crypto";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createFgsClient, formatFunctionUrn } from "@fnapi/fgs-client";
import { createNcfClient } from "@fnapi/ncf-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LoopbackServer, startLoopbackServer } from "./loopback-server.js";

// 1,000 concurrent deletes through one client: every request carries a signature valid for itself (the
// server checks each with node:crypto), all succeed, and the heap returns to where it was.
//
// Issue #24 class 12: these tests count what they control, not how fast the machine is. Under six busy
// processes the first burst lost calls to the client's 30 s attempt timeout (TimeoutError, attempt 1; their
// retries then ran out of the client's retry budget): the loopback server, in this same process, listened with
// Node's default backlog (511), so of 1,000 simultaneous connects the kernel dropped hundreds of SYNs
// (TcpExtListenOverflows), and each dropped connect waits for the SYN to be resent after 1, 3, 7, 15, 31 s
// while the one event loop is busy signing. Once the bursts slowed down, the server's 5 s keep-alive timeout
// also closed idle sockets the client was reusing at that moment (ECONNRESET, attempt 1: DELETE is retried, but
// the retries of hundreds of resets at once exceed the client's retry budget, as documented). The client kept
// its documented bounds; the test's server did not keep up. So the server queues every connection (backlog ≥
// CONCURRENCY) and never closes one for being idle or slow, the attempt bound is set past anything a loaded
// machine needs (these tests say nothing about latency), and a failure names its reasons.

setFlagsFromString("--expose_gc");
const gc = runInNewContext("gc") as () => void;
const ACCESS_KEY = "ncp_iam_LOADTEST";
const SECRET_KEY = "load-test-secret-key";
const CONCURRENCY = 1_000;
/** Not a claim about speed: long enough for any loaded machine, so that only a wrong answer fails a call. */
const PATIENT = { timeoutMs: 600_000 };
const TEST_BOUND_MS = 900_000;
const rejections = (results: PromiseSettledResult<unknown>[]) =>
  results.flatMap((r) => (r.status === "rejected" ? [String((r.reason as Error)?.message ?? r.reason)] : []));

let server: LoopbackServer;
let invalid = 0;
beforeAll(async () => {
  server = await startLoopbackServer(
    (req, res) => {
      const timestamp = String(req.headers["x-ncp-apigw-timestamp"] ?? req.headers["x-auth-token"] ?? "");
      if (req.headers["x-auth-token"]) return res.writeHead(204).end();
      const expected = createHmac("sha256", SECRET_KEY)
        .update(`${req.method} ${req.url}\n${timestamp}\n${ACCESS_KEY}`)
        .digest("base64");
      if (
        req.headers["x-ncp-apigw-signature-v2"] !== expected ||
        req.headers["x-ncp-iam-access-key"] !== ACCESS_KEY
      ) {
        invalid++;
        return res.writeHead(401).end();
      }
      res.writeHead(204).end();
    },
    { backlog: 2 * CONCURRENCY, patient: true },
  );
});
afterAll(() => server.close());

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe("load", () => {
  it(
    `${CONCURRENCY} concurrent NCP deletes: all signed validly, all succeed, memory back to baseline`,
    async () => {
      const ncf = createNcfClient({
        accessKey: ACCESS_KEY,
        secretKey: SECRET_KEY,
        baseUrl: `${server.url}/ncf/api/v2`,
        ...PATIENT,
      });
      const burst = async (round: number) => {
        const names = Array.from({ length: CONCURRENCY }, (_, i) => `pkg_${round}_${i}`);
        const results = await Promise.allSettled(
          names.map((name, i) => ncf.deletePackage(name, { platform: i % 2 ? "vpc" : "classic" })),
        );
        expect(rejections(results)).toEqual([]);
        server.requests.length = 0; // the recorder's own memory is not the client's
      };
      // The first bursts open ~1,000 keep-alive connections (both ends live in this process), and with
      // synchronous signing (node:crypto, the server build) all 1,000 requests leave at once, so undici's pool
      // grows once more over the first few bursts, then stays flat. The baseline is taken after that, so what
      // is measured is what the client keeps per request.
      for (let round = 0; round < 4; round++) await burst(round);
      const baseline = heapAfterGc();
      for (let round = 4; round < 7; round++) await burst(round);
      expect(invalid).toBe(0);
      const growth = heapAfterGc() - baseline;
      expect(growth).toBeLessThan(8 * 1024 * 1024);
    },
    TEST_BOUND_MS,
  );

  it(
    `${CONCURRENCY} concurrent FunctionGraph deletes with one token provider: one token fetch`,
    async () => {
      let fetches = 0;
      const projectId = "7aad83af3e8d42e99ac194e8419e2c9b";
      const fgs = createFgsClient({
        projectId,
        baseUrl: server.url,
        ...PATIENT,
        token: async () => {
          fetches++;
          await new Promise((r) => setTimeout(r, 20));
          return { token: "MIIload", expiresAt: Date.now() + 3600_000 };
        },
      });
      const urns = Array.from({ length: CONCURRENCY }, (_, i) =>
        formatFunctionUrn({ region: "cn-north-4", projectId, name: `f${i}` }),
      );
      const results = await Promise.allSettled(urns.map((urn) => fgs.deleteFunction(urn)));
      expect(rejections(results)).toEqual([]);
      expect(fetches).toBe(1);
    },
    TEST_BOUND_MS,
  );
});
