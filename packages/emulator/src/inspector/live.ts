import { RequestLog, type RequestRecord } from "../request-log.js";

// The request log the inspector page follows live: long polling (`GET /_emulator/inspector/requests?after=N
// &wait=S`) answers as soon as a record after N exists, or after S seconds with none. Long polling rather
// than server-sent events because EventSource cannot send the control token as a header.

export const LONG_POLL_MAX_SECONDS = 25;

export class WatchedRequestLog extends RequestLog {
  private waiters = new Set<() => void>();

  override add(entry: Omit<RequestRecord, "seq"> & { seq?: number }): void {
    super.add(entry);
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiting) wake();
  }

  /** Resolves once a record after `after` exists, after `ms`, or when `signal` aborts (the client left). */
  waitAfter(after: number, ms: number, signal?: AbortSignal): Promise<void> {
    if (this.page({ after, limit: 1 }).records.length > 0 || ms <= 0 || signal?.aborted) {
      return Promise.resolve();
    }
    return new Promise((resolveWait) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal?.removeEventListener("abort", done);
        resolveWait();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
      signal?.addEventListener("abort", done);
    });
  }
}
