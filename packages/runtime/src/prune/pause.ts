// A long computation (a plan over a large listing) gives the event loop a turn every so often, so that
// SIGINT/SIGTERM handlers, timers and aborts run during it instead of after it.

/** Every this many items, a plan yields to the event loop. */
export const ITEMS_PER_TURN = 256;

/** Yields to the event loop once, then throws the signal's reason if it aborted meanwhile. */
export async function pause(signal?: AbortSignal): Promise<void> {
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  signal?.throwIfAborted();
}
