// One contestant in a fresh process: nothing another contestant loaded, warmed up or left on the heap can
// help or hurt it. Warm-up first (connections, JIT), then the sequential and the concurrent batch.
import { serveChild } from "./child.mjs";
import { contestant } from "./contestants.mjs";
import { runConcurrent, runSequential } from "./load.mjs";

serveChild(async ({ id, origin, plan }) => {
  const call = await contestant(id).setup(origin);
  await runSequential(call, plan.warmup);
  await runConcurrent(call, plan.warmup, plan.concurrency);
  const sequential = await runSequential(call, plan.sequential);
  const concurrent = await runConcurrent(call, plan.concurrent, plan.concurrency);
  return { sequential, concurrent };
});
