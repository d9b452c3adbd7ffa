// Load patterns. Latency is taken per request from the call to its settlement; throughput from the wall
// time of the whole batch, so it includes whatever the client does between requests.
import { performance } from "node:perf_hooks";

/** `count` requests one after another. */
export async function runSequential(call, count) {
  const latencies = new Float64Array(count);
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await call();
    latencies[i] = performance.now() - t;
  }
  return { latencies, wallMs: performance.now() - start };
}

/** `count` requests with `concurrency` of them in flight at all times (closed loop). */
export async function runConcurrent(call, count, concurrency) {
  const latencies = new Float64Array(count);
  let next = 0;
  async function lane() {
    while (next < count) {
      const i = next++;
      const t = performance.now();
      await call();
      latencies[i] = performance.now() - t;
    }
  }
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, lane));
  return { latencies, wallMs: performance.now() - start };
}
