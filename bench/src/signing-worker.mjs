// One signer in a fresh process: ops per second one at a time, then with 64 in flight (Web Crypto work
// runs off the main thread, so it can overlap; synchronous signers cannot).
import { performance } from "node:perf_hooks";
import { serveChild } from "./child.mjs";
import { signer } from "./signers.mjs";

async function sequentialRate(op, ms) {
  let count = 0;
  const start = performance.now();
  const end = start + ms;
  while (performance.now() < end) {
    await op();
    count++;
  }
  return (count / (performance.now() - start)) * 1000;
}

async function parallelRate(op, ms, inFlight) {
  let count = 0;
  const start = performance.now();
  const end = start + ms;
  async function lane() {
    while (performance.now() < end) {
      await op();
      count++;
    }
  }
  await Promise.all(Array.from({ length: inFlight }, lane));
  return (count / (performance.now() - start)) * 1000;
}

serveChild(async ({ id, plan }) => {
  const op = await signer(id).setup();
  await sequentialRate(op, plan.warmupMs);
  return {
    sequential: await sequentialRate(op, plan.measureMs),
    parallel: await parallelRate(op, plan.measureMs, plan.inFlight),
  };
});
