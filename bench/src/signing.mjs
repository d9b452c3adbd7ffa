import { runChild } from "./child.mjs";
import { SIGNERS } from "./signers.mjs";
import { median } from "./stats.mjs";

export async function benchSigning({ plan, home, log }) {
  const rates = new Map(SIGNERS.map((s) => [s.id, { sequential: [], parallel: [] }]));
  for (let round = 0; round < plan.rounds; round++) {
    for (const s of SIGNERS) {
      log(`  round ${round + 1}/${plan.rounds}: ${s.id}`);
      const result = await runChild("./signing-worker.mjs", { id: s.id, plan }, { env: { HOME: home } });
      rates.get(s.id).sequential.push(result.sequential);
      rates.get(s.id).parallel.push(result.parallel);
    }
  }
  return {
    plan,
    signers: SIGNERS.map((s) => ({
      id: s.id,
      label: s.label,
      opsPerSecond: median(rates.get(s.id).sequential),
      opsPerSecondParallel: median(rates.get(s.id).parallel),
      microsecondsPerOp: 1e6 / median(rates.get(s.id).sequential),
      byRound: rates.get(s.id),
    })),
  };
}
