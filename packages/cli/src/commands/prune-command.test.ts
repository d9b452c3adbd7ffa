import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Harness, HUAWEI, NCP, PROJECT, signals, startHarness } from "../test/harness.js";

// fnapi fgs prune / fnapi ncf prune in process (run(argv, io)) against the emulator: the plan, --dry-run,
// the refusal without --yes, apply, a signal mid-run and the resume, NCF's cascade. The real binary's tests
// (src/prune.test.ts) keep SIGINT/SIGTERM from the OS and the terminal prompt.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const urn = (name: string) => `urn:fss:cn-north-4:${PROJECT}:function:default:${name}`;
const old = "2026-01-01T00:00:00Z";
const functionNames = () => h.emu.state().huawei.functions.map((f) => f.urn.split(":")[6]);

beforeEach(() => {
  h.emu.reset();
  h.emu.setState({
    ncp: {
      credentials: [NCP],
      packages: [
        { name: "ci-1", platform: "vpc", actions: ["a1", "a2"] },
        { name: "main", platform: "vpc", actions: [] },
      ],
    },
    huawei: {
      credentials: [HUAWEI],
      functions: [
        ...Array.from({ length: 12 }, (_, i) => ({ urn: urn(`preview-${i}`), lastModified: old })),
        { urn: urn("prod"), lastModified: old },
      ],
    },
  });
});

const methods = () => h.emu.requests().map((r) => r.method);

describe("fnapi fgs prune (in process)", () => {
  it("--dry-run --json: one JSON object with the plan, only listing GETs sent", async () => {
    const run = await h.fnapi([
      "fgs",
      "prune",
      "--match",
      "preview-*",
      "--dry-run",
      "--json",
      "--base-url",
      h.fgs,
    ]);
    expect(run.code).toBe(0);
    const plan = run.json().plan as { targets: { name: string }[]; listed: number };
    expect(plan.listed).toBe(13);
    expect(plan.targets.map((t) => t.name).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `preview-${i}`).sort(),
    );
    expect(new Set(methods())).toEqual(new Set(["GET"]));
    expect(functionNames()).toHaveLength(13);
  });

  it("without --yes and without a terminal: exit 2, nothing deleted", async () => {
    const run = await h.fnapi(["fgs", "prune", "--match", "preview-*", "--base-url", h.fgs]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("refusing to delete without --yes");
    expect(methods()).not.toContain("DELETE");
    expect(functionNames()).toHaveLength(13);
  });

  it("--yes deletes the planned functions (repeated --match and --exclude), exit 0", async () => {
    const run = await h.fnapi([
      "fgs",
      "prune",
      "--match",
      "preview-1*",
      "--match",
      "preview-2",
      "--exclude",
      "preview-11",
      "--yes",
      "--base-url",
      h.fgs,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/deleted 3, already gone 0/);
    expect(functionNames().sort()).toEqual(
      [
        "preview-0",
        "preview-11",
        "preview-3",
        "preview-4",
        "preview-5",
        "preview-6",
        "preview-7",
        "preview-8",
        "preview-9",
        "prod",
      ].sort(),
    );
  });

  it("a signal mid-run: nothing new starts, the report is printed, exit 130; the same command finishes", async () => {
    const source = signals();
    let deletes = 0;
    const run = await h.fnapi(
      ["fgs", "prune", "--match", "preview-*", "--yes", "--concurrency", "1", "--base-url", h.fgs],
      {
        io: {
          onSignal: source.onSignal,
          fetch: async (input, init) => {
            const request = new Request(input, init);
            if (request.method === "DELETE" && ++deletes === 3) source.fire("SIGINT");
            return fetch(request);
          },
        },
      },
    );
    expect(run.code).toBe(130);
    expect(run.stdout).toMatch(/interrupted by SIGINT: deleted \d+/);
    expect(run.stdout).toContain("run the same command again to finish");
    expect(functionNames().filter((n) => n?.startsWith("preview-")).length).toBeGreaterThan(0);
    const again = await h.fnapi(["fgs", "prune", "--match", "preview-*", "--yes", "--base-url", h.fgs]);
    expect(again.code).toBe(0);
    expect(functionNames()).toEqual(["prod"]);
  });
});

describe("fnapi ncf prune (in process)", () => {
  it("deletes the matching packages with their actions (the cascade), exit 0; --json has the report", async () => {
    const run = await h.fnapi(["ncf", "prune", "--match", "ci-*", "--yes", "--json", "--base-url", h.ncf]);
    expect(run.code).toBe(0);
    const report = run.json().report as { counts: { deleted: number }; complete: boolean };
    expect(report).toMatchObject({ counts: { deleted: 1 }, complete: true });
    expect(h.emu.state().ncp.packages.map((p) => p.name)).toEqual(["main"]);
  });

  it("a bad --platform or --concurrency is a usage error (exit 2) before anything is sent", async () => {
    const bad = await h.fnapi(["ncf", "prune", "--match", "x", "--platform", "gpu", "--base-url", h.ncf]);
    expect(bad.code).toBe(2);
    const many = await h.fnapi([
      "ncf",
      "prune",
      "--match",
      "x",
      "--concurrency",
      "lots",
      "--base-url",
      h.ncf,
    ]);
    expect(many.code).toBe(2);
    expect(h.emu.requests()).toHaveLength(0);
  });
});
