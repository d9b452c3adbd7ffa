import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { createFgsClient, formatFunctionUrn } from "@fnapi/fgs-client";
import { createNcfClient, ValidationError } from "@fnapi/ncf-client";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { secretArbitrary } from "./arbitraries.js";
import { type LoopbackServer, startLoopbackServer } from "./loopback-server.js";

// Property-based tests: whatever the input, either it is refused before a byte is sent, or the server
// receives exactly the path it names; and no secret ever shows up in any rendering of an error.

const projectId = "7aad83af3e8d42e99ac194e8419e2c9b";
let server: LoopbackServer;
beforeAll(async () => {
  // 404 with an echo of every request header: the worst case for secret hygiene
  server = await startLoopbackServer((req, res) => {
    if (req.url?.startsWith("/echo/")) {
      res.writeHead(401, { "content-type": "application/json", "x-request-id": JSON.stringify(req.headers) });
      res.end(
        JSON.stringify({
          error: { errorCode: "200", message: JSON.stringify(req.headers) },
          error_msg: JSON.stringify(req.headers),
        }),
      );
      return;
    }
    res.writeHead(204).end();
  });
});
afterAll(() => server.close());

/** A pattern of a spec's schema, read from the spec itself: the oracle is the spec, not the client. */
function specPattern(file: string, schema: string): RegExp {
  const text = readFileSync(new URL(`../../specs/${file}`, import.meta.url), "utf8");
  const at = text.indexOf(`\n    ${schema}:\n`, text.indexOf("\n  schemas:\n"));
  const match = /\n\s+pattern: '([^']+)'/.exec(text.slice(at));
  if (at < 0 || !match) throw new Error(`no pattern for ${schema} in ${file}`);
  return new RegExp(match[1] as string);
}

/** What the property runs saw: both kinds of input must have been tried, or the property proved nothing. */
const tally = { sent: 0, refused: 0 };

/**
 * The spec decides: an input it allows (`allowed`) is sent, and the server path is exactly `expectedPath`;
 * an input it does not allow is a ValidationError with nothing sent. A client that refused everything, or
 * sent everything, fails.
 */
async function refusedOrExact(
  call: () => Promise<unknown>,
  expectedPath: string,
  allowed: boolean,
): Promise<void> {
  const before = server.requests.length;
  if (!allowed) {
    await expect(call()).rejects.toBeInstanceOf(ValidationError);
    expect(server.requests.length).toBe(before);
    tally.refused++;
    return;
  }
  await call();
  expect(server.requests.length).toBe(before + 1);
  expect(server.requests[before]?.url.split("?")[0]).toBe(expectedPath);
  tally.sent++;
}

/** Runs a property and checks that it tried allowed and refused inputs both. */
async function bothKinds(run: () => Promise<void>) {
  tally.sent = 0;
  tally.refused = 0;
  await run();
  expect(tally.sent).toBeGreaterThan(10);
  expect(tally.refused).toBeGreaterThan(10);
}

const nameChars = fc.constantFrom(..."abcXYZ019_-./?#%:!~ \n\u00e9\u2603".split(""));
const looseName = fc.oneof(
  fc.string(),
  fc.string({ unit: nameChars, maxLength: 70 }),
  fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_-]{0,49}$/),
);

describe("properties", () => {
  it("package names: refused before sending, or the server path is exactly the name", async () => {
    const ncf = createNcfClient({
      accessKey: "AK",
      secretKey: "SK-0123456789",
      baseUrl: `${server.url}/ncf/api/v2`,
      maxAttempts: 1,
    });
    const packageName = specPattern("ncf.yaml", "PackageName");
    await bothKinds(() =>
      fc.assert(
        fc.asyncProperty(looseName, (name) =>
          refusedOrExact(
            () => ncf.deletePackage(name),
            `/ncf/api/v2/packages/${name}`,
            packageName.test(name),
          ),
        ),
        { numRuns: 300 },
      ),
    );
  });

  it("function URNs: refused before sending, or the server path carries the URN exactly", async () => {
    const fgs = createFgsClient({ projectId, token: "MIItoken", baseUrl: server.url, maxAttempts: 1 });
    const part = fc.oneof(
      fc.string({ unit: nameChars, maxLength: 12 }),
      fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}[a-z0-9]$/),
    );
    const urn = fc.oneof(
      fc.string(),
      fc
        .tuple(
          part,
          fc.option(
            fc.oneof(
              part,
              part.map((a) => `!${a}`),
            ),
            { nil: undefined },
          ),
        )
        .map(
          ([name, qualifier]) =>
            `urn:fss:cn-north-4:${projectId}:function:default:${name}${qualifier === undefined ? "" : `:${qualifier}`}`,
        ),
    );
    // The spec's URN pattern, for the client's project and region; `latest` cannot be deleted.
    const functionUrn = specPattern("fgs.yaml", "FunctionUrn");
    const allowed = (value: string) =>
      functionUrn.test(value) &&
      value.length >= 48 &&
      value.length <= 400 &&
      value.split(":")[3] === projectId &&
      value.split(":")[2] === "cn-north-4" &&
      value.split(":")[7] !== "latest";
    await bothKinds(() =>
      fc.assert(
        fc.asyncProperty(urn, (value) =>
          refusedOrExact(
            () => fgs.deleteFunction(value),
            `/v2/${projectId}/fgs/functions/${value}`,
            allowed(value),
          ),
        ),
        { numRuns: 300 },
      ),
    );
  });

  it("formatFunctionUrn output is always accepted and sent exactly", async () => {
    const fgs = createFgsClient({ projectId, token: "MIItoken", baseUrl: server.url, maxAttempts: 1 });
    const name = fc.stringMatching(/^[A-Za-z]([A-Za-z0-9_-]{0,58}[A-Za-z0-9])?$/);
    await fc.assert(
      fc.asyncProperty(
        name,
        fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{1,63}$/), { nil: undefined }),
        async (n, alias) => {
          const urn = formatFunctionUrn({
            region: "cn-north-4",
            projectId,
            name: n,
            ...(alias ? { alias } : {}),
          });
          const before = server.requests.length;
          await fgs.deleteFunction(urn);
          expect(server.requests[before]?.url).toBe(`/v2/${projectId}/fgs/functions/${urn}`);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("random secrets never appear in String, stack, JSON or inspect of an error or a client", async () => {
    const secret = secretArbitrary(64);
    await fc.assert(
      fc.asyncProperty(secret, secret, async (secretKey, token) => {
        const ncf = createNcfClient({
          accessKey: "AK",
          secretKey,
          baseUrl: `${server.url}/echo`,
          maxAttempts: 1,
        });
        const fgs = createFgsClient({
          projectId,
          token,
          baseUrl: `${server.url}/echo`,
          maxAttempts: 1,
        });
        const aksk = createFgsClient({
          projectId,
          accessKey: "AK",
          secretKey,
          securityToken: token,
          baseUrl: `${server.url}/echo`,
          maxAttempts: 1,
        });
        const urn = formatFunctionUrn({ region: "cn-north-4", projectId, name: "f" });
        for (const [client, call] of [
          [ncf, () => ncf.deletePackage("p")],
          [fgs, () => fgs.deleteFunction(urn)],
          [aksk, () => aksk.deleteFunction(urn)],
        ] as const) {
          const before = server.requests.length;
          const error = (await call().then(
            () => undefined,
            (e: unknown) => e,
          )) as Error;
          expect(error?.name).toMatch(/ApiError$/);
          const sent = server.requests[before]?.headers ?? {};
          const signatures = [sent["x-ncp-apigw-signature-v2"], sent.authorization].filter(
            (s): s is string => typeof s === "string",
          );
          const renderings = [
            String(error),
            error.stack ?? "",
            JSON.stringify(error),
            inspect(error, { depth: 10, showHidden: true }),
            inspect(client, { depth: 10, showHidden: true }),
          ].join("\n");
          for (const hidden of [secretKey, token, ...signatures]) expect(renderings).not.toContain(hidden);
        }
      }),
      { numRuns: 60 },
    );
  });
});
