import { ApiError, NetworkError, TimeoutError } from "@fnapi/fgs-client";

// The apply engine of a prune: bounded concurrency, and one back-off for the whole run. A 429 anywhere closes
// the gate (for its Retry-After, or an exponential, jittered delay that doubles with each 429 in a row, at
// most 60 s), and no new request starts until it opens. The throttled item is queued again. Other transient
// failures (5xx, timeouts, network errors) are tried again, up to `maxAttempts` per item. An aborted signal
// stops new work; what is in flight settles and is reported.

const MAX_BACKOFF_MS = 60_000;

/** The run's shared back-off. Give `gate.observe(fetch)` as the clients' `fetch` to honour `Retry-After`. */
export interface PruneGate {
  /** A 429 was seen; `retryAfterMs` when the answer said how long to wait. */
  throttle(retryAfterMs?: number): void;
  /** A request succeeded: the next 429 starts the back-off from the beginning. */
  succeeded(): void;
  /** Resolves when the gate is open (rejects when `signal` aborts first). */
  wait(signal?: AbortSignal): Promise<void>;
  /** A fetch that reports every 429 (with its Retry-After) to the gate. */
  observe(fetch?: typeof globalThis.fetch): typeof globalThis.fetch;
  /** 429s seen. */
  readonly throttles: number;
  /** Whether a fetch given by `observe` reports 429s (then the engine does not count them twice). */
  readonly observing: boolean;
}

export function createPruneGate({ baseMs = 500 }: { baseMs?: number } = {}): PruneGate {
  let openAt = 0;
  let inARow = 0;
  let throttles = 0;
  let observing = false;
  const gate: PruneGate = {
    throttle(retryAfterMs) {
      throttles++;
      // A 429 answered while the gate is already closed came from a request started before it closed: the
      // same episode, not one more in a row.
      if (Date.now() >= openAt || inARow === 0) inARow++;
      const backoff = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** (inARow - 1));
      const delay =
        retryAfterMs !== undefined
          ? Math.min(MAX_BACKOFF_MS, retryAfterMs)
          : backoff * (0.5 + Math.random() / 2);
      openAt = Math.max(openAt, Date.now() + delay);
    },
    succeeded() {
      inARow = 0;
    },
    async wait(signal) {
      for (;;) {
        signal?.throwIfAborted();
        const ms = openAt - Date.now();
        if (ms <= 0) return;
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(done, ms);
          function done() {
            signal?.removeEventListener("abort", aborted);
            resolve();
          }
          function aborted() {
            clearTimeout(timer);
            reject(signal?.reason);
          }
          signal?.addEventListener("abort", aborted, { once: true });
        });
      }
    },
    observe(inner = globalThis.fetch) {
      observing = true;
      return async (input, init) => {
        const response = await inner(input, init);
        if (response.status === 429) gate.throttle(retryAfterMs(response.headers.get("retry-after")));
        return response;
      };
    },
    get throttles() {
      return throttles;
    },
    get observing() {
      return observing;
    },
  };
  return gate;
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export type Done = "deleted" | "gone";

export interface Outcome<Item> {
  item: Item;
  /** `not-started`: the run was interrupted before this item was tried. */
  status: Done | "failed" | "not-started";
  error?: unknown;
  /** Requests made for this item (429s included). */
  attempts: number;
}

export interface RunOptions<Item> {
  /** Requests at once, 1 to 64. Default 4. */
  concurrency?: number;
  signal?: AbortSignal | undefined;
  gate?: PruneGate;
  /** Tries per item for 5xx, timeouts and network errors. Default 3. */
  maxAttempts?: number;
  /** 429s per item before it counts as failed. Default 30. */
  maxThrottles?: number;
  onSettled?: (outcome: Outcome<Item>) => void;
}

export interface RunResult<Item> {
  outcomes: Outcome<Item>[];
  interrupted: boolean;
  /** 429s seen during the run. */
  throttles: number;
  /** Requests beyond the first per item. */
  retries: number;
}

const isThrottle = (error: unknown) => error instanceof ApiError && error.status === 429;
const isTransient = (error: unknown) =>
  error instanceof TimeoutError ||
  error instanceof NetworkError ||
  (error instanceof ApiError && [500, 502, 503, 504].includes(error.status));

export async function runPlan<Item>(
  items: readonly Item[],
  act: (item: Item) => Promise<Done>,
  {
    concurrency = 4,
    signal,
    gate = createPruneGate(),
    maxAttempts = 3,
    maxThrottles = 30,
    onSettled,
  }: RunOptions<Item> = {},
): Promise<RunResult<Item>> {
  const entries = items.map((item) => ({
    item,
    attempts: 0,
    throttles: 0,
    outcome: undefined as Outcome<Item> | undefined,
  }));
  const queue = [...entries];
  let retries = 0;
  const settle = (entry: (typeof entries)[number], outcome: Omit<Outcome<Item>, "item" | "attempts">) => {
    entry.outcome = { item: entry.item, attempts: entry.attempts, ...outcome };
    onSettled?.(entry.outcome);
  };
  const worker = async () => {
    for (;;) {
      if (signal?.aborted) return;
      const entry = queue.shift();
      if (!entry) return;
      try {
        await gate.wait(signal);
      } catch {
        queue.unshift(entry);
        return;
      }
      if (entry.attempts > 0) retries++;
      entry.attempts++;
      try {
        // In-flight work is never cancelled by `signal`: it settles and is reported.
        const done = await act(entry.item);
        gate.succeeded();
        settle(entry, { status: done });
      } catch (error) {
        if (isThrottle(error)) {
          if (!gate.observing) gate.throttle();
          if (++entry.throttles <= maxThrottles) {
            queue.push(entry);
            continue;
          }
        } else if (isTransient(error) && entry.attempts < maxAttempts) {
          queue.push(entry);
          continue;
        }
        settle(entry, { status: "failed", error });
      }
    }
  };
  const workers = Math.max(1, Math.min(concurrency, 64, entries.length || 1));
  await Promise.all(Array.from({ length: workers }, worker));
  const interrupted = entries.some((e) => e.outcome === undefined);
  return {
    outcomes: entries.map((e) => e.outcome ?? { item: e.item, status: "not-started", attempts: e.attempts }),
    interrupted,
    throttles: gate.throttles,
    retries,
  };
}

/** An error as data for a report: never a credential (the clients' errors hold none), never a stack. */
export function errorData(error: unknown): {
  name: string;
  message: string;
  status?: number;
  code?: string;
  requestId?: string;
} {
  if (error instanceof ApiError) {
    return {
      name: error.name,
      message: error.message,
      status: error.status,
      ...(error.code !== undefined ? { code: error.code } : {}),
      ...(error.requestId !== undefined ? { requestId: error.requestId } : {}),
    };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: "Error", message: String(error) };
}

/** Polls `stillThere` until it returns nothing or `timeoutMs` has passed; what still exists. */
export async function confirmGone<T>(
  stillThere: () => Promise<T[]>,
  { timeoutMs = 10_000, intervalMs = 1_000 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const remaining = await stillThere();
    if (remaining.length === 0 || Date.now() + intervalMs > deadline) return remaining;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
