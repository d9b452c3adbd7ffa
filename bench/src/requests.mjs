// The per-request benchmark: every contestant, in its own process, against the one loopback server.
// Rounds interleave the contestants (and rotate their order) so a slow spell on the machine is spread over
// all of them instead of landing on whichever ran at that moment.
import { runChild } from "./child.mjs";
import { CONTESTANTS } from "./contestants.mjs";
import { summarizeLatencies } from "./stats.mjs";

export async function benchRequests({ origin, plan, home, log }) {
  const batches = new Map(CONTESTANTS.map((c) => [c.id, { sequential: [], concurrent: [] }]));
  for (let round = 0; round < plan.rounds; round++) {
    const order = CONTESTANTS.map((_, i) => CONTESTANTS[(i + round) % CONTESTANTS.length]);
    for (const c of order) {
      log(`  round ${round + 1}/${plan.rounds}: ${c.id}`);
      // HOME is a scratch directory: the official SDK writes an application id under it.
      const result = await runChild(
        "./request-worker.mjs",
        { id: c.id, origin, plan },
        { env: { HOME: home } },
      );
      batches.get(c.id).sequential.push(result.sequential);
      batches.get(c.id).concurrent.push(result.concurrent);
    }
  }

  const rows = CONTESTANTS.map((c) => ({
    id: c.id,
    label: c.label,
    kind: c.kind,
    compareTo: c.compareTo,
    style: c.style ?? (c.kind === "ours" ? "standalone" : undefined),
    sequential: summarizeLatencies(batches.get(c.id).sequential),
    concurrent: summarizeLatencies(batches.get(c.id).concurrent),
  }));
  addRatios(rows);
  return { plan, contestants: rows };
}

// Ratios are cost ratios: above 1 means slower (more time, fewer requests per second) than the reference.
function ratiosTo(row, reference) {
  const ratio = (mode) => ({
    median: row[mode].medianMs / reference[mode].medianMs,
    p99: row[mode].p99Ms / reference[mode].p99Ms,
    throughput: reference[mode].requestsPerSecond / row[mode].requestsPerSecond,
    cpu: row[mode].cpuMicrosPerRequest / reference[mode].cpuMicrosPerRequest,
  });
  return { sequential: ratio("sequential"), concurrent: ratio("concurrent") };
}

function addRatios(rows) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const row of rows) {
    row.vsFetch = ratiosTo(row, byId.get("fetch"));
    if (row.compareTo)
      row.vsLikeForLike = { reference: row.compareTo, ...ratiosTo(row, byId.get(row.compareTo)) };
    if (row.kind === "ours") row.officialVsThis = ratiosTo(byId.get("official-sdk"), row);
  }
}
