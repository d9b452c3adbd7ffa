// Load patterns. Latency is taken per request from the call to its settlement; throughput from the wall
// time of the whole batch, so it includes whatever the client does between requests. The client process's
// CPU time (all its threads) is recorded too: on a shared machine it moves far less than wall time when
// other processes compete for the cores.
import { performance } from "node:perf_hooks";

/** `count` requests one after another. */
export async function runSequential(call, count) {
  const latencies = new Float64Array(count);
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await call();
    latencies[i] = performance.now() - t;
  }
  return finish(latencies, start, cpu);
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
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, lane));
  return finish(latencies, start, cpu);
}

function finish(latencies, start, cpuAtStart) {
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuAtStart);
  return { latencies, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}
