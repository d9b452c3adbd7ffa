import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FUNCTION_URN, type Harness, startHarness } from "./test/harness.js";

// Issue #24, class 1 through the command line: a server that echoes this request's secret (the NCP signature,
// the Huawei signature, a temporary credential's security token) in the request id of a 2xx — a 204, or a
// listing's 200 — in any encoding: neither the text output, `--verbose` nor `--json` shows it. The client's
// result is redacted (runtime send.test.ts); this checks that nothing the CLI prints takes another way.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const SECURITY_TOKEN = "temporary-security-token/0123456789+abc";
const ENCODINGS: Record<string, (text: string) => string> = {
  raw: (text) => text,
  JSON: (text) => JSON.stringify(text).slice(1, -1).replaceAll("/", "\\/"),
  percent: (text) => encodeURIComponent(text),
  "percent, lower-case": (text) => encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, (c) => c.toLowerCase()),
  "HTML references": (text) => text.replace(/[^A-Za-z0-9]/g, (c) => `&#${c.charCodeAt(0)};`),
};

/** The secrets of one request as it was sent: the NCP signature, or the Huawei signature and security token. */
function secretsOf(headers: Headers): string[] {
  const ncp = headers.get("x-ncp-apigw-signature-v2");
  const huawei = /Signature=([0-9a-f]+)/.exec(headers.get("authorization") ?? "")?.[1];
  const token = headers.get("x-security-token");
  return [ncp, huawei, token].filter((s): s is string => typeof s === "string");
}

/** A server that answers every request with a 2xx whose request id holds the request's secrets, encoded. */
function echoing(encode: (text: string) => string) {
  const sent: string[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    const secrets = secretsOf(headers);
    sent.push(...secrets);
    const id = secrets.map(encode).join("|");
    const method = (init?.method ?? "GET").toUpperCase();
    const echo = { "x-ncp-trace-id": `trace-${id}`, "x-request-id": `req-${id}` };
    if (method === "DELETE") return new Response(null, { status: 204, headers: echo });
    return Response.json({ content: [{ name: "p1" }] }, { headers: echo });
  };
  return { fetch, sent };
}

describe("class 1: a secret echoed in a 2xx's request id is never printed", () => {
  for (const [encoding, encode] of Object.entries(ENCODINGS)) {
    it(`echoed ${encoding}: ncf delete-package and list-packages, fgs delete-function; text, --verbose, --json`, async () => {
      const server = echoing(encode);
      const runs = [];
      for (const output of [[], ["--verbose"], ["--json"], ["--json", "--verbose"]]) {
        runs.push(
          await h.fnapi(["ncf", "delete-package", "p1", ...output, "--base-url", h.ncf], {
            io: { fetch: server.fetch },
          }),
          await h.fnapi(["ncf", "list-packages", ...output, "--base-url", h.ncf], {
            io: { fetch: server.fetch },
          }),
          await h.fnapi(["fgs", "delete-function", FUNCTION_URN, ...output, "--base-url", h.fgs], {
            io: { fetch: server.fetch },
            env: { HUAWEICLOUD_SDK_SECURITY_TOKEN: SECURITY_TOKEN },
          }),
        );
      }
      expect(runs.map((r) => r.code)).toEqual(runs.map(() => 0));
      // Every kind of secret was sent and echoed: NCP signatures, Huawei signatures and the security token.
      expect(server.sent).toContain(SECURITY_TOKEN);
      expect(server.sent.length).toBeGreaterThanOrEqual(runs.length);
      const printed = runs.map((r) => r.stdout + r.stderr).join("\n");
      for (const secret of new Set(server.sent)) {
        expect(printed).not.toContain(secret);
        expect(printed).not.toContain(encode(secret));
      }
      // The request ids were printed (verbose lines, --json), as what is left of them.
      expect(printed).toContain("[REDACTED]");
    });
  }
});
