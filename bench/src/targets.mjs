// The goals of issue 6, checked against one run's numbers. They are goals, not assertions: a miss is
// reported (and explained in the Markdown), never a failed run.

export const TARGETS = {
  maxRatioToFetch: 1.15,
  minSpeedupOverOfficial: 1.8,
  maxImportMs: 15,
  maxGzipBytes: 6 * 1024,
};

export function checkTargets(results) {
  const checks = [];
  const add = (subject, goal, value, met, unit) => checks.push({ subject, goal, value, unit, met });

  for (const row of results.requests?.contestants.filter((c) => c.kind === "ours") ?? []) {
    const r = row.vsFetch;
    add(
      row.id,
      `sequential median ≤ ${TARGETS.maxRatioToFetch}× raw fetch`,
      r.sequential.median,
      r.sequential.median <= TARGETS.maxRatioToFetch,
      "×",
    );
    add(
      row.id,
      `time per request at 64 concurrent ≤ ${TARGETS.maxRatioToFetch}× raw fetch`,
      r.concurrent.throughput,
      r.concurrent.throughput <= TARGETS.maxRatioToFetch,
      "×",
    );
    const o = row.officialVsThis;
    add(
      row.id,
      `sequential median ≥ ${TARGETS.minSpeedupOverOfficial}× faster than official SDK`,
      o.sequential.median,
      o.sequential.median >= TARGETS.minSpeedupOverOfficial,
      "×",
    );
    add(
      row.id,
      `throughput at 64 concurrent ≥ ${TARGETS.minSpeedupOverOfficial}× official SDK`,
      o.concurrent.throughput,
      o.concurrent.throughput >= TARGETS.minSpeedupOverOfficial,
      "×",
    );
  }
  for (const pkg of results.coldStart?.packages.filter(
    (p) => p.id.startsWith("@fnapi/") && p.id !== "@fnapi/auth",
  ) ?? []) {
    add(
      pkg.id,
      `import < ${TARGETS.maxImportMs} ms (process wall time minus an empty process)`,
      pkg.wallMinusBaselineMs,
      pkg.wallMinusBaselineMs < TARGETS.maxImportMs,
      "ms",
    );
  }
  for (const b of results.footprint?.bundles.filter((x) => x.id.startsWith("@fnapi/")) ?? []) {
    add(
      b.id,
      `one-call bundle < ${TARGETS.maxGzipBytes / 1024} KB min+gzip`,
      b.gzipBytes,
      b.gzipBytes < TARGETS.maxGzipBytes,
      "B",
    );
  }
  return checks;
}
