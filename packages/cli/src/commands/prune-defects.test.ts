import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Harness, HUAWEI, NCP, PROJECT, startHarness } from "../test/harness.js";

// The two prune defects of issue 23, through the command line (both failed on main at ccb9821):
// 1. a 429 inside an NCF cascade, after an action was already deleted, came back wrapped in CascadeDeleteError;
//    the old engine did not recognise it, so the package was reported failed and never tried again;
// 2. the versions confirm step swallowed every error: after 503s on the confirming listing the report said
//    complete (exit 0).

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const urn = (name: string) => `urn:fss:cn-north-4:${PROJECT}:function:default:${name}`;

function seedState() {
  h.emu.reset();
  h.emu.setState({
    ncp: { credentials: [NCP], packages: [{ name: "ci-1", platform: "vpc", actions: ["a1", "a2"] }] },
    huawei: {
      credentials: [HUAWEI],
      functions: [
        {
          urn: urn("api"),
          lastModified: "2026-01-01T00:00:00Z",
          versions: ["v20261101-000000", "v20261102-000000", "v20261103-000000"],
        },
      ],
    },
  });
}
beforeEach(seedState);

describe("prune defects of issue 23", () => {
  it("a 429 during an NCF cascade after an action is gone is retried: the package ends deleted, exit 0", async () => {
    let packageDeletes = 0;
    const run = await h.fnapi(["ncf", "prune", "--match", "ci-*", "--yes", "--json", "--base-url", h.ncf], {
      io: {
        fetch: async (input, init) => {
          const request = new Request(input, init);
          // The package's own DELETE (the actions are gone by then): one 429 with a short Retry-After.
          if (
            request.method === "DELETE" &&
            /\/packages\/ci-1\?/.test(request.url) &&
            ++packageDeletes === 1
          ) {
            return new Response(JSON.stringify({ error: { errorCode: "429", message: "slow down" } }), {
              status: 429,
              headers: { "content-type": "application/json", "retry-after": "0" },
            });
          }
          return fetch(request);
        },
      },
    });
    expect(packageDeletes).toBe(2);
    expect(h.emu.state().ncp.packages).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.json().report).toMatchObject({ complete: true, counts: { deleted: 1, failed: 0 } });
  });

  it("503s on the versions confirming listing: the report says incomplete (text and --json), exit 1", async () => {
    for (const json of [false, true]) {
      seedState();
      let deletes = 0;
      const run = await h.fnapi(
        [
          "fgs",
          "prune",
          "--match",
          "api",
          "--keep-versions",
          "1",
          "--yes",
          ...(json ? ["--json"] : []),
          "--base-url",
          h.fgs,
        ],
        {
          io: {
            fetch: async (input, init) => {
              const request = new Request(input, init);
              if (request.method === "DELETE") deletes++;
              // Once the deletes have started, every versions listing (the confirmation) answers 503.
              if (deletes > 0 && request.method === "GET" && request.url.includes("/versions")) {
                return new Response(JSON.stringify({ error_code: "FSS.0503", error_msg: "unavailable" }), {
                  status: 503,
                  headers: { "content-type": "application/json", "retry-after": "0" },
                });
              }
              return fetch(request);
            },
          },
        },
      );
      expect(deletes).toBe(2);
      expect(run.code).toBe(1);
      if (json) {
        expect(run.json().report).toMatchObject({ complete: false, counts: { deleted: 2 } });
      } else {
        expect(run.stdout).toMatch(/deleted 2/);
      }
    }
  });
});
