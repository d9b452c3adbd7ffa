// bench/README.md shows the goals of the last full run between two markers; the run writes that region, so the
// README's numbers come from the measurement (and from the same run as RESULTS.md), never from a hand.
import { readFileSync, writeFileSync } from "node:fs";
import { targetsTable } from "./report.mjs";

const REGION = /(<!-- bench:targets[^>]*-->)[\s\S]*?(<!-- \/bench:targets -->)/;

/** Rewrites the targets region of `readmePath` from `results`; throws when the README has no region. */
export function writeReadmeTargets(readmePath, results) {
  const text = readFileSync(readmePath, "utf8");
  if (!REGION.test(text)) throw new Error(`${readmePath} has no <!-- bench:targets --> region`);
  const [load1] = results.machine.loadAverageAtStart;
  const [loadEnd] = results.machine.loadAverageAtEnd;
  const body = `Full run of ${results.startedAt.slice(0, 10)} (load average ${load1} at start, ${loadEnd} at end; ${results.machine.cores} cores):\n\n${targetsTable(results.targets)}`;
  writeFileSync(
    readmePath,
    text.replace(REGION, (_all, open, close) => `${open}\n${body}\n${close}`),
  );
}
