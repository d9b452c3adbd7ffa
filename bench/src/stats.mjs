/** Nearest-rank percentile of an ascending-sorted array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(values) {
  return percentile(Float64Array.from(values).sort(), 50);
}

/** Latency summary in milliseconds of samples from one or more batches. */
export function summarizeLatencies(batches) {
  const all = new Float64Array(batches.reduce((n, b) => n + b.latencies.length, 0));
  let offset = 0;
  for (const batch of batches) {
    all.set(batch.latencies, offset);
    offset += batch.latencies.length;
  }
  all.sort();
  // Each batch's rate, then their median: one batch slowed by a noisy neighbour should not move the result.
  const rates = batches.map((b) => (b.latencies.length / b.wallMs) * 1000);
  const cpuPerRequest = batches.map((b) => (b.cpuMs / b.latencies.length) * 1000);
  return {
    samples: all.length,
    medianMs: percentile(all, 50),
    p99Ms: percentile(all, 99),
    meanMs: all.reduce((s, v) => s + v, 0) / all.length,
    requestsPerSecond: median(rates),
    requestsPerSecondByRound: rates,
    cpuMicrosPerRequest: median(cpuPerRequest),
  };
}
