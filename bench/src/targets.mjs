// The goals of issue 16 (which replace those of issue 13), checked against one run's numbers. They are goals,
// not assertions: a miss is reported (and explained in the Markdown), never a failed run.

export const TARGETS = {
  /** Per request against raw fetch in the same run: [sequential median, time per request at 64 concurrent]. */
  maxRatioToFetch: {
    "fgs-client-token": [1.1, 1.25],
    "fgs-client-aksk": [1.2, 1.3],
    "ncf-client": [1.15, 1.25],
  },
  /** Only the AK/SK client has an official counterpart to beat: on every column. */
  minSpeedupOverOfficial: { "fgs-client-aksk": 1.5 },
  /** A client's import, in a fresh process, against openapi-fetch's own import in the same run. */
  maxImportOverOpenapiFetchMs: 5,
  /** One-call browser bundles, min+gzip (the same numbers as .size-limit.json). */
  maxGzipBytes: {
    "@fnapi/ncf-client": 7 * 1024,
    "@fnapi/fgs-client (token)": 7.5 * 1024,
    "@fnapi/fgs-client (AK/SK)": 7.5 * 1024,
  },
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
    const [maxSequential, maxConcurrent] = TARGETS.maxRatioToFetch[row.id] ?? [1.15, 1.25];
    add(
      row.id,
      `sequential median ≤ ${maxSequential}× raw fetch`,
      r.sequential.median,
      r.sequential.median <= maxSequential,
      "×",
    );
    add(
      row.id,
      `time per request at 64 concurrent ≤ ${maxConcurrent}× raw fetch`,
      r.concurrent.throughput,
      r.concurrent.throughput <= maxConcurrent,
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
  const packages = results.coldStart?.packages ?? [];
  const reference = packages.find((p) => p.id === "openapi-fetch");
  for (const pkg of packages.filter((p) => p.id.endsWith("-client"))) {
    if (!reference) continue;
    const over = pkg.wallMinusBaselineMs - reference.wallMinusBaselineMs;
    add(
      pkg.id,
      `import within ${TARGETS.maxImportOverOpenapiFetchMs} ms of openapi-fetch's (${reference.wallMinusBaselineMs.toFixed(1)} ms, same run)`,
      over,
      over <= TARGETS.maxImportOverOpenapiFetchMs,
      "ms",
    );
  }
  for (const b of results.footprint?.bundles ?? []) {
    const max = TARGETS.maxGzipBytes[b.id];
    if (max === undefined) continue;
    add(b.id, `one-call bundle ≤ ${max / 1024} KB min+gzip`, b.gzipBytes, b.gzipBytes <= max, "B");
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
