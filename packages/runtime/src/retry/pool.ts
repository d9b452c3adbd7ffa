// The one worker pool of the product: at most `concurrency` workers at once over a list, in order. An aborted
// signal stops new work; what is in flight settles (the worker decides whether to pass the signal on).

/** How `runPool` runs. */
export interface PoolOptions {
  /** Workers at once, an integer from 1. */
  concurrency: number;
  /** Stops starting items; the ones never started are reported as such. */
  signal?: AbortSignal | undefined;
}

/** What one item came to. */
export type PoolOutcome<Result> =
  | { status: "fulfilled"; value: Result }
  | { status: "rejected"; reason: unknown }
  | { status: "not-started" };

/**
 * Runs `worker` over `items`, at most `concurrency` at once. Resolves, in the order of `items`, to what
 * each came to; never rejects (a worker's error is its item's outcome).
 */
export async function runPool<Item, Result>(
  items: readonly Item[],
  { concurrency, signal }: PoolOptions,
  worker: (item: Item, index: number) => Promise<Result>,
): Promise<PoolOutcome<Result>[]> {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency is ${String(concurrency)}: it must be an integer from 1`);
  }
  const outcomes: PoolOutcome<Result>[] = items.map(() => ({ status: "not-started" }));
  let next = 0;
  const run = async () => {
    while (next < items.length && !signal?.aborted) {
      const index = next++;
      try {
        outcomes[index] = { status: "fulfilled", value: await worker(items[index] as Item, index) };
      } catch (reason) {
        outcomes[index] = { status: "rejected", reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, run));
  return outcomes;
}
