import { createInterface } from "node:readline/promises";
import { fgsConnection, ncfConnection } from "../clients.js";
import type { Flags } from "../command-line.js";
import { UsageError } from "../errors.js";
import { createPruneGate } from "../prune/engine.js";
import { applyFgsPrune, type FgsPrunePlan, type FgsPruneTarget, planFgsPrune } from "../prune/fgs.js";
import { applyNcfPrune, type NcfPrunePlan, type NcfPruneTarget, planNcfPrune } from "../prune/ncf.js";
import type { PruneReport } from "../prune/report.js";
import type { CommandHandler, Invocation } from "./invocation.js";

// fnapi fgs prune / fnapi ncf prune: plan, (ask,) apply, confirm, report. The library does the work
// (src/prune); this file is the command line around it: flags, the plan table, the question, signals.

const EXIT_INCOMPLETE = 1;
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

function integerFlag(
  flags: Flags,
  name: "keep-versions" | "concurrency",
  command: string,
): number | undefined {
  const value = flags[name];
  if (value === undefined) return undefined;
  if (!/^\d{1,4}$/.test(value)) {
    throw new UsageError(`--${name} is ${JSON.stringify(value)}; it must be a whole number`, command);
  }
  return Number(value);
}

/** The clients of a prune: real requests even with --dry-run (listing GETs only), one attempt each, the gate's fetch. */
function pruneFlags(flags: Flags): Flags {
  const { "dry-run": _dryRun, ...rest } = flags;
  return rest;
}

const row = (cells: string[], widths: number[]) =>
  cells
    .map((c, i) => c.padEnd(widths[i] ?? 0))
    .join("  ")
    .trimEnd();

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  return [row(header, widths), ...rows.map((r) => row(r, widths))].map((l) => `  ${l}`).join("\n");
}

function fgsPlanText(plan: FgsPrunePlan): string {
  const what = plan.mode === "versions" ? "versions" : "functions";
  const head = `plan: delete ${plan.targets.length} ${what} (${plan.listed} functions listed, ${plan.skipped.length} skipped)`;
  const rows = plan.targets.map((t) => [t.kind, t.name, t.version ?? "", t.lastModified ?? "-"]);
  const skipped = plan.skipped.map(
    (s) => `  skip ${s.target.name}${s.target.version ? ` ${s.target.version}` : ""}: ${s.reason}`,
  );
  return [head, rows.length ? table(["KIND", "NAME", "VERSION", "LAST MODIFIED"], rows) : "", ...skipped]
    .filter(Boolean)
    .join("\n");
}

function ncfPlanText(plan: NcfPrunePlan): string {
  const head = `plan: delete ${plan.targets.length} packages with their actions (${plan.listed} packages listed)`;
  const rows = plan.targets.map((t) => [t.name, t.platform ?? "(default)"]);
  return [head, rows.length ? table(["PACKAGE", "PLATFORM"], rows) : ""].filter(Boolean).join("\n");
}

function reportText<T>(report: PruneReport<T>, label: (t: T) => string, signal: string | undefined): string {
  const c = report.counts;
  const lines = [
    `${signal ? `interrupted by ${signal}: ` : ""}deleted ${c.deleted}, already gone ${c.alreadyGone}, skipped ${c.skipped}, failed ${c.failed}, not started ${c.notStarted}, remaining ${c.remaining} (429s ${c.throttled}, retries ${c.retries}) in ${report.durationMs < 1000 ? `${report.durationMs} ms` : `${(report.durationMs / 1000).toFixed(1)} s`}`,
    ...report.failed.map(
      (f) =>
        `  failed ${label(f.target)}: ${f.error.name}${f.error.status ? ` ${f.error.status}` : ""}${f.error.code ? ` ${f.error.code}` : ""}: ${f.error.message}`,
    ),
    ...report.remaining.map((t) => `  still listed: ${label(t)}`),
  ];
  if (report.notStarted.length > 0) lines.push("  run the same command again to finish");
  return lines.join("\n");
}

/** Whether the user agrees, asked on the terminal; without one, a refusal (exit 2) before anything is deleted. */
async function confirm(flags: Flags, question: string, command: string): Promise<boolean> {
  if (flags.yes === true) return true;
  if (process.stdin.isTTY !== true) {
    throw new UsageError(
      "refusing to delete without --yes: stdin is not a terminal to ask on (nothing was deleted)",
      command,
    );
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/** Aborts on SIGINT/SIGTERM (in-flight requests settle); which signal it was. */
function trapSignals() {
  const controller = new AbortController();
  let received: keyof typeof SIGNAL_EXIT | undefined;
  const handlers = (["SIGINT", "SIGTERM"] as const).map((name) => {
    const handler = () => {
      received ??= name;
      controller.abort();
    };
    process.on(name, handler);
    return () => process.off(name, handler);
  });
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    release: () => {
      for (const off of handlers) off();
    },
  };
}

async function prune<Plan extends { targets: T[] }, T>(
  { command, flags, out }: Invocation,
  plan: () => Promise<Plan>,
  planText: (plan: Plan) => string,
  apply: (
    plan: Plan,
    options: { signal: AbortSignal; concurrency?: number; onSettled: (t: T, status: string) => void },
  ) => Promise<PruneReport<T>>,
  label: (t: T) => string,
  noun: string,
): Promise<number | undefined> {
  const concurrency = integerFlag(flags, "concurrency", command.name);
  const traps = trapSignals();
  try {
    const planned = await plan();
    const dryRun = flags["dry-run"] === true;
    if (dryRun || planned.targets.length === 0) {
      out.result(
        { command: command.name, dryRun, plan: planned },
        `${planText(planned)}${dryRun ? "\ndry run: nothing was deleted" : "\nnothing to delete"}`,
      );
      return undefined;
    }
    if (!out.json) out.note(planText(planned));
    if (!(await confirm(flags, `delete ${planned.targets.length} ${noun}?`, command.name))) {
      out.result({ command: command.name, plan: planned, confirmed: false }, "nothing was deleted");
      return EXIT_INCOMPLETE;
    }
    let settled = 0;
    const report = await apply(planned, {
      signal: traps.signal,
      ...(concurrency !== undefined ? { concurrency } : {}),
      onSettled: (t, status) => {
        settled++;
        if (out.interactive && !out.json)
          out.note(`[${settled}/${planned.targets.length}] ${status} ${label(t)}`);
      },
    });
    const signal = traps.received;
    out.result(
      { command: command.name, plan: planned, report, ...(signal ? { signal } : {}) },
      reportText(report, label, signal),
    );
    if (signal) return SIGNAL_EXIT[signal];
    return report.complete ? undefined : EXIT_INCOMPLETE;
  } finally {
    traps.release();
  }
}

export const fgsPrune: CommandHandler = async (invocation) => {
  const { command, flags, out } = invocation;
  const keepVersions = integerFlag(flags, "keep-versions", command.name);
  const gate = createPruneGate();
  const { client } = fgsConnection(pruneFlags(flags), command.name, out, {
    maxAttempts: 1,
    fetch: gate.observe(),
  });
  const label = (t: FgsPruneTarget) => (t.version ? `${t.name} ${t.version}` : t.name);
  return prune(
    invocation,
    () =>
      planFgsPrune(client, {
        match: flags.match ?? [],
        ...(flags.exclude ? { exclude: flags.exclude } : {}),
        ...(flags["older-than"] !== undefined ? { olderThan: flags["older-than"] } : {}),
        ...(keepVersions !== undefined ? { keepVersions } : {}),
      }),
    fgsPlanText,
    (plan, options) => applyFgsPrune(client, plan, { ...options, gate }),
    label,
    keepVersions !== undefined ? "versions" : "functions",
  );
};

export const ncfPrune: CommandHandler = async (invocation) => {
  const { command, flags, out } = invocation;
  const platform = flags.platform;
  if (platform !== undefined && platform !== "vpc" && platform !== "classic") {
    throw new UsageError(
      `--platform is ${JSON.stringify(platform)}; it must be vpc or classic`,
      command.name,
    );
  }
  const gate = createPruneGate();
  const { client } = ncfConnection(pruneFlags(flags), command.name, out, {
    maxAttempts: 1,
    fetch: gate.observe(),
  });
  return prune(
    invocation,
    () =>
      planNcfPrune(client, {
        match: flags.match ?? [],
        ...(flags.exclude ? { exclude: flags.exclude } : {}),
        ...(platform ? { platform } : {}),
      }),
    ncfPlanText,
    (plan, options) => applyNcfPrune(client, plan, { ...options, gate }),
    (t: NcfPruneTarget) => t.name,
    "packages",
  );
};
