import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, PROJECT, signals, startHarness } from "../test/harness.js";

// Issue 24 through the command line: SIGINT during a plan (class 3: signals honoured during long listings and
// computation), and the report printed whatever fails (class 7, text and --json).

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const urn = (name: string) => `urn:fss:cn-north-4:${PROJECT}:function:default:${name}`;
const page = (from: number, size: number, next: number) =>
  new Response(
    JSON.stringify({
      functions: Array.from({ length: size }, (_, i) => ({
        func_urn: `${urn(`f-${from + i}`)}:latest`,
        func_name: `f-${from + i}`,
      })),
      next_marker: next,
    }),
    { status: 200, headers: { "content-type": "application/json" } },
  );

describe("class 3: SIGINT during a prune plan exits 130", () => {
  it("during a listing without end, and during the computation over one large page", async () => {
    for (const variant of ["paging", "computing"] as const) {
      const source = signals();
      let pages = 0;
      const run = await h.fnapi(["fgs", "prune", "--match", "*", "--dry-run", "--base-url", h.fgs], {
        io: {
          onSignal: source.onSignal,
          fetch: async (input, init) => {
            const request = new Request(input, init);
            pages++;
            if (variant === "paging") {
              if (pages === 3) source.fire("SIGINT");
              return page(pages * 10, 10, pages * 10 + 10);
            }
            // One page of 10,000 functions; the signal arrives from a timer while the plan works through it.
            setTimeout(() => source.fire("SIGINT"), 0);
            return pages === 1 ? page(0, 10_000, 0) : fetch(request);
          },
        },
      });
      expect(run.code, variant).toBe(130);
      expect(pages, variant).toBeLessThan(10);
    }
  });
});
