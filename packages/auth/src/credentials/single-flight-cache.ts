import { type Clock, systemClock } from "../clock.js";

// The one cache in front of anything fetched and renewed before it expires (IAM tokens, credentials):
// - single flight: however many callers find it cold or stale, one fetch runs and they all wait for it;
// - early renewal: from `refreshAt` a fetch starts but callers keep the cached value; from `requiredAt`
//   they wait for the fetch;
// - bounded by each caller: a caller waits only as long as its own signal allows (the client passes the
//   attempt's, which carries `timeoutMs` and the caller's signal). The fetch's signal aborts once nobody
//   waits any more, and a fetch nobody waits for is dropped, so one that never settles blocks nothing;
// - `invalidate(value)` drops only that value (a 401 for it): a burst of 401s causes one renewal.

/** What a fetch gives: the value and the two instants of its renewal (epoch ms). */
export interface Fetched<T> {
  value: T;
  refreshAt: number;
  requiredAt: number;
}

export interface SingleFlightCache<T> {
  get(signal?: AbortSignal): Promise<T>;
  invalidate(value?: T): void;
}

export function createSingleFlightCache<T>(
  load: (signal: AbortSignal, startedAt: number) => Promise<Fetched<T>>,
  clock: Clock = systemClock,
): SingleFlightCache<T> {
  let cached: Fetched<T> | undefined;
  let pending: { promise: Promise<T>; controller: AbortController; waiting: number } | undefined;

  function renew(): NonNullable<typeof pending> {
    const controller = new AbortController();
    const run = async () => {
      const fetched = await load(controller.signal, clock());
      if (controller.signal.aborted) throw controller.signal.reason;
      cached = fetched;
      return fetched.value;
    };
    const current = { promise: run(), controller, waiting: 0 };
    current.promise
      .finally(() => {
        if (pending === current) pending = undefined;
      })
      .catch(() => {});
    return current;
  }

  return {
    get(signal) {
      const now = clock();
      if (cached && now < cached.refreshAt) return Promise.resolve(cached.value);
      pending ??= renew();
      if (cached && now < cached.requiredAt) return Promise.resolve(cached.value);
      const current = pending;
      current.waiting++;
      // A caller without a signal waits for as long as the fetch takes, and keeps it alive meanwhile.
      if (!signal) return current.promise.finally(() => current.waiting--);
      const leave = () => {
        current.waiting--;
        if (current.waiting === 0 && pending === current && signal.aborted) {
          pending = undefined;
          current.controller.abort(signal.reason);
        }
      };
      return raceAbort(current.promise, signal).finally(leave);
    },
    invalidate(value) {
      if (value === undefined || cached?.value === value) cached = undefined;
    },
  };
}

/** Settles like `promise`, or rejects with the signal's reason as soon as `signal` aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
