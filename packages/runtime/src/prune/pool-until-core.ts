// PLACEHOLDER until w23-core's runPool (packages/runtime/src/retry) is merged: then this file goes.
export async function runPool<T>(
  items: readonly T[],
  { concurrency, signal }: { concurrency: number; signal?: AbortSignal },
  worker: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const run = async () => {
    while (next < items.length && !signal?.aborted) await worker(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, run));
}
