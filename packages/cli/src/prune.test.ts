import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  assertNoSecret,
  BIN,
  CREDENTIALS_ENV,
  type Harness,
  HUAWEI,
  NCP,
  PROJECT,
  startHarness,
} from "./test/harness.js";

// fnapi fgs prune / fnapi ncf prune: the built bin against the emulator (signatures verified): plan, dry run,
// refusal without --yes, apply, SIGINT then resume, a 429 storm, --keep-versions around an alias, NCF cascade.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const urn = (name: string) => `urn:fss:cn-north-4:${PROJECT}:function:default:${name}`;
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const functionNames = () => (h.emu.state().huawei.functions ?? []).map((f) => f.urn.split(":")[6]);

beforeEach(() => {
  h.emu.reset();
  h.emu.setState({
    ncp: {
      credentials: [NCP],
      packages: [
        { name: "ci-1", platform: "vpc", actions: ["a1", "a2", "a3"] },
        { name: "ci-2", platform: "vpc", actions: [] },
        { name: "main", platform: "vpc", actions: ["x"] },
      ],
    },
    huawei: {
      credentials: [HUAWEI],
      functions: [
        ...Array.from({ length: 20 }, (_, i) => ({ urn: urn(`preview-${i}`), lastModified: ago(10) })),
        { urn: urn("preview-new"), lastModified: ago(1) },
        { urn: urn("prod"), lastModified: ago(100) },
        {
          urn: urn("api"),
          lastModified: ago(50),
          versions: ["v20261101-000000", "v20261102-000000", "v20261103-000000"],
          aliases: { stable: "v20261101-000000" },
        },
      ],
    },
  });
});

const fgsPrune = (...flags: string[]) =>
  h.fnapi(["fgs", "prune", "--base-url", h.fgs, "--match", "preview-*", ...flags]);
const deletes = () => h.emu.requests().filter((r) => r.method === "DELETE").length;

// Each case runs the fnapi binary (a new Node process, twice in some) against the emulator, with a listing
// and a re-check before each of 20 deletes: seconds on an idle machine, many times that beside six busy
// processes. The cases count what was done; this bound only stops a hung run.
describe("fnapi fgs prune", { timeout: 180_000 }, () => {
  it("--dry-run prints the plan and sends nothing but listing GETs", async () => {
    const run = await fgsPrune("--older-than", "7d", "--dry-run");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^plan: delete 20 functions \(23 functions listed, 0 skipped\)\n/);
    expect(run.stdout).toMatch(/KIND\s+NAME\s+VERSION\s+LAST MODIFIED/);
    expect(run.stdout).toContain("function  preview-0");
    expect(run.stdout).not.toContain("preview-new");
    expect(run.stdout).toMatch(/dry run: nothing was deleted\n$/);
    expect(h.emu.requests().every((r) => r.method === "GET")).toBe(true);
    expect(functionNames()).toHaveLength(23);
  });

  it("--json --dry-run: one JSON object with the plan", async () => {
    const run = await fgsPrune("--json", "--dry-run", "--exclude", "*-1?");
    expect(run.code).toBe(0);
    const out = run.json() as { plan: { targets: { name: string }[] }; dryRun: boolean };
    expect(out.dryRun).toBe(true);
    expect(out.plan.targets.map((t) => t.name)).not.toContain("preview-10");
    expect(out.plan.targets).toHaveLength(11); // 0-9, and preview-new
  });

  it("refuses without --yes when stdin is not a terminal: exit 2, nothing deleted", async () => {
    const run = await fgsPrune();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("refusing to delete without --yes");
    expect(deletes()).toBe(0);
    expect(functionNames()).toHaveLength(23);
  });

  it("--yes deletes every planned function, confirms, reports; exit 0; again: nothing to delete", async () => {
    const run = await fgsPrune("--older-than", "7d", "--yes", "--json");
    expect(run.code).toBe(0);
    const { report } = run.json() as { report: { counts: Record<string, number>; complete: boolean } };
    expect(report.counts).toMatchObject({ planned: 20, deleted: 20, failed: 0, remaining: 0, notStarted: 0 });
    expect(report.complete).toBe(true);
    expect(functionNames().sort()).toEqual(["api", "preview-new", "prod"]);
    const again = await fgsPrune("--older-than", "7d", "--yes");
    expect(again).toMatchObject({ code: 0 });
    expect(again.stdout).toContain("nothing to delete");
  });

  it("a 429 storm (the emulator's fault injection): one shared back-off, everything gone, exit 0", async () => {
    await h.fault({ operation: "deleteFunction", status: 429, times: 6 });
    const run = await fgsPrune("--yes", "--json", "--concurrency", "4");
    expect(run.code).toBe(0);
    const { report } = run.json() as { report: { counts: Record<string, number> } };
    expect(report.counts.retries).toBeGreaterThanOrEqual(6); // each 429 retried by the client's strategy
    expect(report.counts).toMatchObject({ deleted: 21, failed: 0, remaining: 0 });
    expect(functionNames().filter((n) => n?.startsWith("preview-"))).toEqual([]);
  });

  it("--keep-versions 1 around an alias: deletes the old version, skips the alias's, never latest", async () => {
    const run = await h.fnapi([
      "fgs",
      "prune",
      "--base-url",
      h.fgs,
      "--match",
      "api",
      "--keep-versions",
      "1",
      "--yes",
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("skip api v20261101-000000: alias stable points to it");
    expect(run.stdout).toMatch(/^deleted 1, already gone 0, skipped 1, failed 0/);
    expect(h.emu.state().huawei.functions?.find((f) => f.urn === urn("api"))?.versions).toEqual([
      "v20261101-000000",
      "v20261103-000000",
    ]);
  });

  it("a failure exits 1 with the vendor's code in the report", async () => {
    await h.fault({ operation: "deleteFunction", status: 403, times: 1 });
    const run = await fgsPrune("--yes", "--concurrency", "1");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/failed 1/);
    expect(run.stdout).toMatch(/failed preview-\d+: FgsApiError 403 FSS\.0403/);
  });

  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)(
    "%s stops new deletes, lets in-flight settle, prints what was done, exits %i; a rerun finishes",
    async (signalName, exitCode) => {
      await h.fault({ operation: "deleteFunction", delayMs: 150, probability: 1 });
      const child = spawn(
        process.execPath,
        [
          BIN,
          "fgs",
          "prune",
          "--base-url",
          h.fgs,
          "--match",
          "preview-*",
          "--yes",
          "--json",
          "--concurrency",
          "2",
        ],
        {
          env: { PATH: process.env.PATH ?? "", HOME: h.home, ...CREDENTIALS_ENV },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c: Buffer) => {
        stdout += c.toString();
      });
      child.stderr.on("data", (c: Buffer) => {
        stderr += c.toString();
      });
      const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      // Interrupt once a few deletes have been answered (the requests log records answered requests).
      while (deletes() < 3) await new Promise((r) => setTimeout(r, 20));
      child.kill(signalName);
      const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
      clearTimeout(killer);
      assertNoSecret(stdout + stderr);
      expect(code).toBe(exitCode);
      const out = JSON.parse(stdout) as {
        signal: string;
        report: { interrupted: boolean; counts: { deleted: number; notStarted: number } };
      };
      expect(out.signal).toBe(signalName);
      expect(out.report.interrupted).toBe(true);
      expect(out.report.counts.notStarted).toBeGreaterThan(0);
      expect(out.report.counts.deleted + out.report.counts.notStarted).toBe(21);
      // what was reported deleted is gone: in-flight requests settled before the exit
      expect(functionNames().filter((n) => n?.startsWith("preview-"))).toHaveLength(
        out.report.counts.notStarted,
      );

      await fetch(`${h.emu.url}/_emulator/faults`, { method: "DELETE" });
      const rerun = await fgsPrune("--yes", "--json");
      expect(rerun.code).toBe(0);
      const { report } = rerun.json() as { report: { counts: Record<string, number> } };
      expect(report.counts.deleted).toBe(out.report.counts.notStarted);
      expect(functionNames().filter((n) => n?.startsWith("preview-"))).toEqual([]);
    },
  );

  // A terminal through util-linux's script(1) (a pty): the plan, the question, progress lines, the answer.
  it.skipIf(!existsSync("/usr/bin/script"))(
    "on a terminal it asks: n deletes nothing (exit 2, said once), y deletes with progress",
    async () => {
      const ask = (answer: string) =>
        new Promise<{ code: number | null; output: string }>((resolve) => {
          const quoted = [process.execPath, BIN, "fgs", "prune", "--base-url", h.fgs, "--match", "preview-1*"]
            .map((a) => `'${a}'`)
            .join(" ");
          const child = spawn("/usr/bin/script", ["-qec", quoted, "/dev/null"], {
            env: { PATH: process.env.PATH ?? "", HOME: h.home, ...CREDENTIALS_ENV },
            stdio: ["pipe", "pipe", "pipe"],
          });
          let output = "";
          child.stdout.on("data", (c: Buffer) => {
            output += c.toString();
            if (output.includes("[y/N]") && !child.stdin.writableEnded) child.stdin.end(`${answer}\n`);
          });
          const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
          child.once("close", (code) => {
            clearTimeout(killer);
            resolve({ code, output });
          });
        });
      const no = await ask("n");
      assertNoSecret(no.output);
      // Declined: exit 2 (documented), and "nothing was deleted" said once.
      expect(no.code).toBe(2);
      expect(no.output).toContain("delete 11 functions? [y/N]");
      expect(no.output.split("nothing was deleted")).toHaveLength(2);
      expect(deletes()).toBe(0);
      const yes = await ask("y");
      expect(yes.code).toBe(0);
      expect(yes.output).toMatch(/\[11\/11\] deleted preview-1/);
      expect(yes.output).toContain("deleted 11, already gone 0");
      expect(deletes()).toBe(11);
    },
  );

  it("bad flags are usage errors (exit 2) before anything is sent", async () => {
    // Each says, in flag names, what is wrong with the value (a value that starts with "-" too).
    for (const [flags, said] of [
      [["--older-than", "7 days"], '--older-than is "7 days"; give a number and a unit'],
      [["--older-than", "7"], '--older-than is "7"; give a number and a unit'],
      [["--keep-versions", "x"], '--keep-versions is "x"; it must be a whole number'],
      [["--keep-versions", "-1"], '--keep-versions is "-1"; it must be a whole number from 0'],
      [["--concurrency", "0"], "--concurrency"],
    ] as const) {
      const run = await fgsPrune(...flags, "--yes");
      expect(run.code, flags.join(" ")).toBe(2);
      expect(run.stderr, flags.join(" ")).toContain(said);
      expect(run.stderr).not.toMatch(/needs a value|olderThan|keepVersions/);
    }
    const noMatch = await h.fnapi(["fgs", "prune", "--base-url", h.fgs, "--yes"]);
    expect(noMatch.code).toBe(2);
    // In flag names, never the library's field names.
    expect(noMatch.stderr).toContain('fnapi fgs prune needs --match GLOB (every name: --match "*"');
    expect(noMatch.stderr).not.toMatch(/\bmatch is empty|olderThan/);
    expect(deletes()).toBe(0);
  });
});

describe("fnapi ncf prune", { timeout: 180_000 }, () => {
  it("deletes the matching packages with their actions (the cascade), exit 0", async () => {
    const dry = await h.fnapi(["ncf", "prune", "--base-url", h.ncf, "--match", "ci-*", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^plan: delete 2 packages with their actions \(3 packages listed\)/);
    const run = await h.fnapi(["ncf", "prune", "--base-url", h.ncf, "--match", "ci-*", "--yes", "--json"]);
    expect(run.code).toBe(0);
    const { report } = run.json() as { report: { counts: Record<string, number> } };
    expect(report.counts).toMatchObject({ deleted: 2, remaining: 0 });
    expect(h.emu.state().ncp.packages?.map((p) => p.name)).toEqual(["main"]);
    const actionDeletes = h.emu
      .requests()
      .filter((r) => r.method === "DELETE" && r.path.includes("/actions/"));
    expect(actionDeletes).toHaveLength(3);
  });
});
