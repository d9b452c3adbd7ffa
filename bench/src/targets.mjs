// The goals of issue 13, checked against one run's numbers. They are goals, not assertions: a miss is
// reported (and explained in the Markdown), never a failed run.

export const TARGETS = {
  /** Per request, sequential and 64 concurrent, against raw fetch in the same run. */
  maxRatioToFetch: { "fgs-client-token": 1.1, "fgs-client-aksk": 1.2, "ncf-client": 1.15 },
  /** Only the AK/SK client has an official counterpart to beat: on every column. */
  minSpeedupOverOfficial: { "fgs-client-aksk": 1.5 },
  maxImportMs: 10,
  maxGzipBytes: 6 * 1024,
  maxSpecsUnpackedBytes: 2 * 1024 * 1024,
};

/** Each signer of ours (the server build's, which Node users get) against the official SDK's signer. */
const SIGNER_PAIRS = [
  ["ncp-node", "huawei-official"],
  ["huawei-node", "huawei-official"],
];

export function checkTargets(results) {
  const checks = [];
  const add = (subject, goal, value, met, unit) => checks.push({ subject, goal, value, unit, met });

  for (const row of results.requests?.contestants.filter((c) => c.kind === "ours") ?? []) {
    const r = row.vsFetch;
    const max = TARGETS.maxRatioToFetch[row.id] ?? 1.15;
    add(
      row.id,
      `sequential median ≤ ${max}× raw fetch`,
      r.sequential.median,
      r.sequential.median <= max,
      "×",
    );
    add(
      row.id,
      `time per request at 64 concurrent ≤ ${max}× raw fetch`,
      r.concurrent.throughput,
      r.concurrent.throughput <= max,
      "×",
    );
    const min = TARGETS.minSpeedupOverOfficial[row.id];
    if (min === undefined) continue;
    const o = row.officialVsThis;
    const columns = [];
    for (const mode of ["sequential", "concurrent"]) {
      const label = mode === "sequential" ? "sequential" : "64 concurrent";
      columns.push(
        [`${label} median`, o[mode].median],
        [`${label} p99`, o[mode].p99],
        [`${label} time/req`, o[mode].throughput],
        [`${label} CPU/req`, o[mode].cpu],
      );
    }
    for (const [column, value] of columns) {
      if (value === undefined) continue;
      add(row.id, `${column}: official SDK ≥ ${min}× slower`, value, value >= min, "×");
    }
  }
  const signers = new Map((results.signing?.signers ?? []).map((s) => [s.id, s]));
  for (const [ours, theirs] of SIGNER_PAIRS) {
    const a = signers.get(ours);
    const b = signers.get(theirs);
    if (!a || !b) continue;
    add(
      ours,
      "signing ops/s ≥ the official SDK signer's",
      a.opsPerSecond,
      a.opsPerSecond >= b.opsPerSecond,
      "ops/s",
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
  const specs = results.footprint?.specs;
  if (specs) {
    add(
      "@fnapi/specs",
      `unpacked ≤ ${TARGETS.maxSpecsUnpackedBytes / 1024 / 1024} MB`,
      specs.unpackedBytes,
      specs.unpackedBytes <= TARGETS.maxSpecsUnpackedBytes,
      "B",
    );
  }
  return checks;
}
