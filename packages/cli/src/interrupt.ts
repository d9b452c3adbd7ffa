import type { CliIo, StopSignal } from "./io.js";

// SIGINT/SIGTERM while a command runs: start nothing new, let what is in flight settle (bounded), then say
// what was done and exit 130 (SIGINT) or 143 (SIGTERM). Built into the one fetch every client of the command
// uses, so no command can forget it: once a signal came, that fetch refuses to send (an AbortError, before
// any byte), and when the requests in flight have settled (or `settleMs` ran out, or a second signal came)
// the command's signal aborts, which ends the clients' backoff waits and whatever is still in flight.

export const EXIT_SIGINT = 130;
export const EXIT_SIGTERM = 143;

export interface Interrupt {
  readonly fetch: typeof fetch;
  readonly signal: AbortSignal;
  /** Aborted as soon as the first signal comes (before in-flight requests settle): start nothing new. */
  readonly stopping: AbortSignal;
  /** Resolves when no request is in flight (and their answers were handed over), or after `settleMs`. */
  settled(): Promise<void>;
  /** The signal that stopped the command, if one came. */
  received(): StopSignal | undefined;
  dispose(): void;
}

export function watchInterrupts(io: CliIo, base: typeof fetch): Interrupt {
  const controller = new AbortController();
  const stopping = new AbortController();
  let received: StopSignal | undefined;
  let inFlight = 0;
  const waiting = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settleMs = io.settleMs ?? 5000;

  // Settled: nothing in flight for a moment (an answer's body is read right after its headers came).
  const abortIfSettled = () => {
    if (received === undefined || inFlight > 0) return;
    setTimeout(() => {
      if (inFlight === 0) stop();
    }, 200).unref?.();
  };
  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    if (!controller.signal.aborted) controller.abort(new InterruptedError(received ?? "SIGINT"));
  };

  const unsubscribe = io.onSignal?.((signal) => {
    if (received !== undefined) return stop(); // the second signal: no more waiting
    received = signal;
    stopping.abort(new InterruptedError(signal));
    timer = setTimeout(stop, settleMs);
    timer.unref?.();
    abortIfSettled();
  });

  const guarded: typeof fetch = async (input, init) => {
    if (received !== undefined) {
      // Nothing in flight: no answer to wait for, and the client's retry of this refusal need not wait either.
      if (inFlight === 0) stop();
      throw new InterruptedError(received);
    }
    inFlight++;
    // The request may outlive the settling time only until the command's signal aborts.
    const own = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    const signal = own ? AbortSignal.any([own, controller.signal]) : controller.signal;
    try {
      return await base(input, { ...init, signal });
    } finally {
      inFlight--;
      abortIfSettled();
      if (inFlight === 0) for (const wake of waiting) wake();
    }
  };

  return {
    fetch: guarded,
    signal: controller.signal,
    stopping: stopping.signal,
    received: () => received,
    async settled() {
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          const done = () => {
            waiting.delete(done);
            clearTimeout(bound);
            resolve();
          };
          const bound = setTimeout(done, settleMs);
          waiting.add(done);
        });
      }
      // The clients hand an answer over a few turns after fetch resolved.
      await new Promise((resolve) => setTimeout(resolve, 20));
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      unsubscribe?.();
    },
  };
}

/** A request refused, or a wait ended, because SIGINT or SIGTERM came. */
export class InterruptedError extends Error {
  override readonly name = "AbortError";
  readonly signal: StopSignal;
  constructor(signal: StopSignal) {
    super(`interrupted by ${signal}`);
    this.signal = signal;
  }
}
