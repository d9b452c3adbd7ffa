import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REQUEST_LOG_BYTES, RequestLog, type RequestRecord } from "./request-log.js";
import { type Emulator, startEmulator } from "./server.js";
import { NCP, testSeed } from "./test-support.js";

// Issue #24 class 9, "emulator memory counted, not retained": what the request log counts against its bound
// must be what it keeps alive. V8 makes a slice (or a concatenation) of a string reference the whole
// original, so a record that counts a 2 KB cut of a 15 KB request target held the target, and a log
// "at most 16 MiB" held hundreds. Measured as heap after a full garbage collection.

setFlagsFromString("--expose_gc");
const gc = runInNewContext("gc") as () => void;
const MiB = 1024 * 1024;
function heapAfterGc(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

const record = (fields: Partial<RequestRecord>): Omit<RequestRecord, "seq"> => ({
  time: "2026-01-01T00:00:00.000Z",
  method: "DELETE",
  path: "/",
  operation: null,
  status: 401,
  code: "200",
  authPassed: false,
  requestId: "0".repeat(32),
  ...fields,
});

describe("class 9: the request log retains what it counts", () => {
  it.each([
    ["a short path sliced from a large target", (big: string) => ({ path: big.slice(0, 40) })],
    ["a long path, cut", (big: string) => ({ path: big })],
    ["an auth reason built from a large header", (big: string) => ({ authReason: `header ${big} absent` })],
    [
      "a refused signature's canonical request and string to sign",
      (big: string) => ({
        signatureDebug: { scheme: "x", canonicalRequest: `DELETE\n${big}\n`, stringToSign: `${big}\nz` },
      }),
    ],
  ])("10,000 records with %s: heap growth stays near the byte bound", (_name, fields) => {
    const log = new RequestLog();
    const before = heapAfterGc();
    for (let i = 0; i < 10_000; i++) {
      const big = `/${i}${"x".repeat(64 * 1024)}`; // a parent of its own per record, dropped right after
      log.add(record(fields(big)));
    }
    const growth = heapAfterGc() - before;
    expect(log.list().length).toBeGreaterThan(1000);
    // The log counts at most REQUEST_LOG_BYTES; retained slices of 64 KB parents would be ≥ 400 MiB.
    expect(growth).toBeLessThan(REQUEST_LOG_BYTES + 8 * MiB);
  });
});

describe("class 9: the emulator after 10,000 logged requests with large bodies", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, seed: testSeed() });
  });
  afterAll(() => emu.close());

  it("holds under 100 MB more heap than at start", async () => {
    // Each request: a 64 KB body, a ~15 KB target (long path and query, near Node's header limit) and a
    // refused NCP signature, so every logged field (path, auth reason, string to sign) is cut from a large original.
    const body = new Uint8Array(64 * 1024).fill(0x61);
    const send = (i: number) =>
      fetch(`${emu.url}/ncf/api/v2/packages/p${i}${"n".repeat(7000)}?platform=vpc&x=${"q".repeat(7000)}`, {
        method: "DELETE",
        body,
        headers: {
          "x-ncp-apigw-timestamp": String(Date.now()),
          "x-ncp-iam-access-key": NCP.accessKey,
          "x-ncp-apigw-signature-v2": `wrong${i}`,
        },
      }).then(async (response) => {
        await response.arrayBuffer();
        return response.status;
      });
    const run = async (from: number, count: number) => {
      let next = from;
      const statuses: number[] = [];
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (next < from + count) statuses.push(await send(next++));
        }),
      );
      return statuses;
    };
    await run(0, 200); // connections, JIT and the log's first records: not what is measured
    const start = heapAfterGc();
    const statuses = await run(200, 10_000);
    expect(statuses.filter((s) => s !== 401)).toEqual([]);
    const records = emu.requests(); // (copies, counted in the growth below: a client holds them too)
    expect(records.at(-1)?.seq).toBe(10_200);
    expect(records.at(-1)?.signatureDebug?.stringToSign).toMatch(/…\[cut \d+ bytes\]$/);
    const growth = heapAfterGc() - start;
    expect(growth).toBeLessThan(100 * MiB);
  }, 1_200_000); // 10,000 requests with 64 KB bodies: minutes on a fully loaded 2-core machine
});
