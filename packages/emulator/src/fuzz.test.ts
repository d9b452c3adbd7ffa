import { request } from "node:http";
import { connect } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "./server.js";
import { FUNCTION_URN, PROJECT, testSeed } from "./test-support.js";

// The HTTP surface, fuzzed: whatever arrives, the emulator answers (never a 500, never a dropped
// connection), every answer has a Date, error bodies are JSON in the API's shape, and a 400 carries one of
// the documented codes.

let verifying: Emulator;
let open: Emulator;
beforeAll(async () => {
  [verifying, open] = await Promise.all([
    startEmulator({ port: 0, seed: testSeed() }),
    startEmulator({ port: 0, seed: testSeed(), auth: "off" }),
  ]);
});
afterAll(() => Promise.all([verifying.close(), open.close()]));

const DOCUMENTED_400_CODES = new Set(["100", "80102", "80302", "FSS.0400", "FSS.1015", "400"]);

function send(base: string, method: string, path: string, headers: Record<string, string>, body: string) {
  const url = new URL(base);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          method,
          path,
          headers: { ...headers, "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => {
            text += c;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        },
      );
      req.on("error", reject);
      req.end(body);
    },
  );
}

const segment = fc.oneof(
  fc.constantFrom(
    "ncf",
    "api",
    "v2",
    "v3",
    "packages",
    "actions",
    "fgs",
    "functions",
    "auth",
    "tokens",
    "-",
    "",
    PROJECT,
  ),
  fc.constantFrom(
    "package001",
    "empty",
    "old",
    "hello",
    FUNCTION_URN,
    `${FUNCTION_URN}:v1`,
    `${FUNCTION_URN}:!prod`,
    `${FUNCTION_URN}:latest`,
  ),
  fc.stringMatching(/^[A-Za-z0-9._~:!@$&'()*+,;=-]{0,70}$/),
  fc.stringMatching(/^(%[0-9A-Fa-f]{2}|%[G-Z]{0,2}|[a-z]){0,12}$/),
);
const path = fc.oneof(
  fc.array(segment, { minLength: 1, maxLength: 7 }).map((s) => `/${s.join("/")}`),
  fc
    .tuple(
      fc.constantFrom("/ncf/api/v2/packages/", "/api/v2/packages/", `/v2/${PROJECT}/fgs/functions/`),
      segment,
      fc.constantFrom("", "/actions", "/actions/hello"),
    )
    .map((p) => p.join("")),
);
const query = fc.oneof(
  fc.constant(""),
  fc.constantFrom(
    "?platform=vpc",
    "?platform=classic",
    "?platform=",
    "?platform=x&platform=vpc",
    "?nocatalog=true",
    "?%zz=1",
    "?=&&",
  ),
  fc.stringMatching(/^\?[A-Za-z0-9=&%+]{0,30}$/),
);
const method = fc.constantFrom("GET", "DELETE", "POST", "PUT", "PATCH", "HEAD", "OPTIONS");
const header = fc.constantFrom(
  "x-ncp-apigw-timestamp",
  "x-ncp-iam-access-key",
  "x-ncp-apigw-signature-v2",
  "authorization",
  "x-sdk-date",
  "x-auth-token",
  "x-security-token",
  "x-project-id",
  "host",
  "content-type",
);
const headerValue = fc.oneof(
  fc.stringMatching(/^[ -~]{0,60}$/),
  fc.constantFrom(
    "SDK-HMAC-SHA256 Access=HUAWEITESTAK, SignedHeaders=host;x-sdk-date, Signature=00",
    "20260115T120000Z",
    "ncp_iam_TESTKEY",
    "MIIseedtoken",
    "1700000000000",
  ),
);
const headers = fc.dictionary(header, headerValue, { maxKeys: 6 });
const body = fc.oneof(fc.constant(""), fc.json(), fc.string({ maxLength: 200 }));

describe("fuzzed HTTP surface", () => {
  for (const [label, target] of [
    ["auth verify", () => verifying],
    ["auth off", () => open],
  ] as const) {
    it(`answers every request without a 500 (${label})`, async () => {
      await fc.assert(
        fc.asyncProperty(method, path, query, headers, body, async (m, p, q, h, b) => {
          const response = await send(target().url, m, `${p}${q}`, h, b);
          expect(response.status).toBeGreaterThanOrEqual(200);
          expect(response.status).toBeLessThan(500);
          expect(response.headers.date).toBeTruthy();
          if (response.body && m !== "HEAD") {
            const parsed = JSON.parse(response.body);
            if (response.status === 400 && !p.startsWith("/_emulator")) {
              const code = String(parsed.error_code ?? parsed.error?.errorCode ?? parsed.error?.code);
              expect(DOCUMENTED_400_CODES.has(code), `${m} ${p}${q} → ${response.body}`).toBe(true);
            }
          }
        }),
        { numRuns: 250, seed: 20260115 },
      );
    });
  }

  it("answers a malformed request line with 400 and a Date, and keeps serving", async () => {
    const url = new URL(open.url);
    const raw = await new Promise<string>((resolve) => {
      let text = "";
      const socket = connect(Number(url.port), url.hostname, () => socket.write("GARBAGE\r\n\r\n"));
      socket.on("data", (c) => {
        text += c.toString();
      });
      socket.on("close", () => resolve(text));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\nDate: /);
    expect((await fetch(`${open.url}/_emulator/state`)).status).toBe(200);
  });
});
