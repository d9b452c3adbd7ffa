// Abort plumbing that stays cheap when thousands of calls share one long-lived signal. `AbortSignal.any`
// per attempt (or one listener per call) leaves a listener on the caller's signal for each call in flight:
// Node warns past 10 (MaxListenersExceededWarning) and, in Node 20, keeps the combined signals alive far
// longer than the call. Instead each caller signal gets one listener, which fans out to the calls that are
// currently waiting on it; a call unsubscribes as soon as it ends.

type Subscriber = (reason: unknown) => void;
const hubs = new WeakMap<AbortSignal, Set<Subscriber>>();

/** Calls `onAbort` once if `signal` aborts before the returned function is called. */
export function onAbort(signal: AbortSignal, subscriber: Subscriber): () => void {
  let hub = hubs.get(signal);
  if (!hub) {
    const subscribers = new Set<Subscriber>();
    hub = subscribers;
    hubs.set(signal, subscribers);
    signal.addEventListener(
      "abort",
      () => {
        hubs.delete(signal);
        for (const notify of subscribers) notify(signal.reason);
      },
      { once: true },
    );
  }
  hub.add(subscriber);
  const subscribers = hub;
  return () => {
    subscribers.delete(subscriber);
  };
}

/** The longest delay `setTimeout` honours (2^31 − 1 ms, about 24.8 days); longer ones fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const unsubscribe = signal
      ? onAbort(signal, (reason) => {
          clearTimeout(timer);
          reject(reason);
        })
      : undefined;
    const timer = setTimeout(
      () => {
        unsubscribe?.();
        resolve();
      },
      Math.min(ms, MAX_TIMER_MS),
    );
  });
}

/**
 * Settles like `promise`, or rejects with the signal's reason as soon as `signal` aborts (the promise keeps
 * running; whoever started it must stop it through the same signal, if it can).
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const unsubscribe = onAbort(signal, reject);
    promise.then(
      (value) => {
        unsubscribe();
        resolve(value);
      },
      (error: unknown) => {
        unsubscribe();
        reject(error);
      },
    );
  });
}
