// What a prune reports: plain data (JSON-serialisable), the same for both clouds.

export interface Skipped<T> {
  target: T;
  /** Why it is kept: "alias prod points to it", "last_modified is missing or not a date". */
  reason: string;
}

export interface PruneReport<T> {
  /** Deleted by this run. */
  deleted: T[];
  /** Already gone when this run asked (another run, or eventual consistency): counts as done. */
  alreadyGone: T[];
  skipped: Skipped<T>[];
  failed: {
    target: T;
    error: { name: string; message: string; status?: number; code?: string; requestId?: string };
  }[];
  /** Not tried: the run was interrupted first. Running the same prune again finishes them. */
  notStarted: T[];
  /** Deleted (or gone), but still listed after the bounded wait. */
  remaining: T[];
  interrupted: boolean;
  counts: {
    planned: number;
    deleted: number;
    alreadyGone: number;
    skipped: number;
    failed: number;
    notStarted: number;
    remaining: number;
    /** 429s seen (each answered by the shared back-off). */
    throttled: number;
    /** Requests beyond the first per target. */
    retries: number;
  };
  durationMs: number;
  /** Everything planned is gone: nothing failed, remains or was left undone. */
  complete: boolean;
}
