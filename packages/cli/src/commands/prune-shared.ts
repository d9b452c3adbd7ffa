import { createInterface } from "node:readline/promises";
import type { FgsPrunePlan, PruneReport } from "@fnapi/fgs-client/prune";
import type { NcfPrunePlan } from "@fnapi/ncf-client/prune";
import type { Invocation } from "../command.js";
import { DeclinedError, UsageError } from "../errors.js";
import type { Flags } from "../flags.js";
import { join, safe, type Text, text } from "../text.js";

// fnapi fgs prune / fnapi ncf prune: plan, (ask,) apply, confirm, report. The library does the work
// (src/prune); this is the command line around it: flags, the plan table, the question, the exit code.

/** A prune that did not finish (something failed or remains): exit 1, after the report was printed. */
export class PruneIncompleteError extends Error {
  override readonly name = "PruneIncompleteError";
}

export const PRUNE_FLAGS = {
  match:
    'a glob (* and ?) of the names to delete; repeat it for more. Quote it\n("preview-*") so that the shell leaves it alone; every name: --match "*"',
  exclude: "a glob of names never to delete (wins over --match); repeat it for more",
  concurrency: "deletes at once, 1 to 64 (default 4); a 429 pauses the whole run",
  yes: "delete without asking (without it: asks on a terminal, refuses elsewhere with exit 2)",
  "older-than": "only what was last changed longer ago than this (90s, 30m, 12h, 7d, 2w)",
  "dry-run": "print the plan and stop: only listing requests are sent",
} as const;

export const PRUNE_EXIT_CODES = `Exit codes: 0 everything planned is gone (or a dry run), 1 something failed or remains, 2 bad usage,
refused without --yes, or the answer at the prompt was no (nothing was deleted), 130/143 stopped by
SIGINT/SIGTERM (run it again to finish).`;

export function integerFlag(
  flags: Flags,
  name: "keep-versions" | "concurrency",
  command: string,
): number | undefined {
  const value = flags[name];
  if (value === undefined) return undefined;
  if (!/^\d{1,4}$/.test(value) || (name === "concurrency" && (Number(value) < 1 || Number(value) > 64))) {
    throw new UsageError(
      text`--${name} is "${value}"; it must be a whole number${name === "keep-versions" ? " from 0 to 9999 (how many published versions of each function to keep)" : " from 1 to 64"}`,
      command,
    );
  }
  return Number(value);
}

/** The invocation for the clients of a prune: real requests even with --dry-run (listing GETs only). */
export function listingInvocation(invocation: Invocation): Invocation {
  const { "dry-run": _dryRun, ...flags } = invocation.flags;
  return { ...invocation, flags };
}

const row = (cells: string[], widths: number[]) =>
  cells
    .map((c, i) => c.padEnd(widths[i] ?? 0))
    .join("  ")
    .trimEnd();

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  return [row(header, widths), ...rows.map((r) => row(r, widths))].map((l) => `  ${l}`);
}

// Names come from the server: every line is escaped (safe) before it reaches the terminal.
export function fgsPlanText(plan: FgsPrunePlan): Text {
  const what = plan.mode === "versions" ? "versions" : "functions";
  const head = `plan: delete ${plan.targets.length} ${what} (${plan.listed} functions listed, ${plan.skipped.length} skipped)`;
  const rows = plan.targets.map((t) => [t.kind, t.name, t.version ?? "", t.lastModified ?? "-"]);
  const skipped = plan.skipped.map(
    (s) => `  skip ${s.target.name}${s.target.version ? ` ${s.target.version}` : ""}: ${s.reason}`,
  );
  const lines = [
    head,
    ...(rows.length ? table(["KIND", "NAME", "VERSION", "LAST MODIFIED"], rows) : []),
    ...skipped,
  ];
  return join(lines.map((l) => safe(l)));
}

/** `noPlatform`: what the PLATFORM column says when none is sent (the finance and government zones). */
export function ncfPlanText(plan: NcfPrunePlan, noPlatform = "(none)"): Text {
  const head = `plan: delete ${plan.targets.length} packages with their actions (${plan.listed} packages listed)`;
  const rows = plan.targets.map((t) => [t.name, t.platform ?? noPlatform]);
  return join([head, ...(rows.length ? table(["PACKAGE", "PLATFORM"], rows) : [])].map((l) => safe(l)));
}

function reportText<T>(report: PruneReport<T>, label: (t: T) => string, stopped: string | undefined): Text {
  const c = report.counts;
  const took =
    report.durationMs < 1000 ? `${report.durationMs} ms` : `${(report.durationMs / 1000).toFixed(1)} s`;
  const lines = [
    `${stopped ? `interrupted by ${stopped}: ` : ""}deleted ${c.deleted}, already gone ${c.alreadyGone}, skipped ${c.skipped}, failed ${c.failed}, not started ${c.notStarted}, remaining ${c.remaining}, unconfirmed ${c.unconfirmed} (retries ${c.retries}) in ${took}`,
    ...report.failed.map(
      (f) =>
        `  failed ${label(f.target)}: ${f.error.name}${f.error.status ? ` ${f.error.status}` : ""}${f.error.code ? ` ${f.error.code}` : ""}: ${f.error.message}`,
    ),
    ...report.remaining.map((t) => `  still listed: ${label(t)}`),
    ...(report.confirmError
      ? [`  not confirmed (the listing failed: ${report.confirmError.name}: ${report.confirmError.message})`]
      : []),
  ];
  if (report.notStarted.length > 0) lines.push("  run the same command again to finish");
  return join(lines.map((l) => safe(l)));
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

/** Plan, print, ask, apply, report; throws PruneIncompleteError (exit 1) when something failed or remains. */
export async function prune<Plan extends { targets: T[] }, T>(
  invocation: Invocation,
  plan: () => Promise<Plan>,
  planText: (plan: Plan) => Text,
  apply: (
    plan: Plan,
    options: { signal: AbortSignal; concurrency?: number; onSettled: (t: T, status: string) => void },
  ) => Promise<PruneReport<T>>,
  label: (t: T) => string,
  noun: string,
): Promise<void> {
  const { command, flags, out } = invocation;
  const concurrency = integerFlag(flags, "concurrency", command.name);
  const planned = await plan();
  const dryRun = flags["dry-run"] === true;
  if (dryRun || planned.targets.length === 0) {
    out.result(
      { command: command.name, dryRun, plan: planned },
      join([planText(planned), dryRun ? "dry run: nothing was deleted" : "nothing to delete"]),
    );
    return;
  }
  if (!out.json) out.note(planText(planned));
  if (!(await confirm(flags, `delete ${planned.targets.length} ${noun}?`, command.name))) {
    // Said once: the error's line (exit 2, documented with the exit codes).
    out.result({ command: command.name, plan: planned, confirmed: false }, "");
    throw new DeclinedError("the answer was no: nothing was deleted");
  }
  let settled = 0;
  const report = await apply(planned, {
    // New deletes stop at the first signal; those in flight settle (the run's fetch lets them finish).
    signal: invocation.stopping,
    ...(concurrency !== undefined ? { concurrency } : {}),
    onSettled: (t, status) => {
      settled++;
      if (out.interactive && !out.json)
        out.note(safe(`[${settled}/${planned.targets.length}] ${status} ${label(t)}`));
    },
  });
  const reason = invocation.stopping.reason as { signal?: string } | undefined;
  const stopped = invocation.stopping.aborted ? (reason?.signal ?? "a signal") : undefined;
  out.result(
    { command: command.name, plan: planned, report, ...(stopped ? { signal: stopped } : {}) },
    reportText(report, label, stopped),
  );
  // Stopped by a signal: run() exits 130/143 once this returns.
  if (!stopped && !report.complete) {
    throw new PruneIncompleteError(
      `${report.counts.failed} failed, ${report.counts.remaining} remain and ${report.counts.unconfirmed} are unconfirmed of ${report.counts.planned} planned`,
    );
  }
}
