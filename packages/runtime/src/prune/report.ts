// What a prune reports: plain data (JSON-serialisable), the same for both clouds.

/** A target kept, and why. */
export interface Skipped<T> {
  /** The target kept. */
  target: T;
  /** Why it is kept: "alias prod points to it", "modified after the plan was made", … */
  reason: string;
}

/** An error as report data: never a credential (the clients' errors hold none), never a stack. */
export interface ErrorData {
  /** The error's class name (`FgsApiError`, `ListingLimitError`, …). */
  name: string;
  /** Its message (already redacted by the client). */
  message: string;
  /** The HTTP status, for an answer. */
  status?: number;
  /** The vendor's error code. */
  code?: string;
  /** The vendor's request id. */
  requestId?: string;
}

/** What a prune did: every planned target is in exactly one of the lists. */
export interface PruneReport<T> {
  /** Deleted by this run. */
  deleted: T[];
  /** Already gone when this run asked (another run, or eventual consistency): counts as done. */
  alreadyGone: T[];
  /** Kept: by the plan, or by the check right before the delete (an alias moved, a newer change…). */
  skipped: Skipped<T>[];
  /** Failed, with the error. */
  failed: { target: T; error: ErrorData }[];
  /** Not tried: the run was interrupted first. Running the same prune again finishes them. */
  notStarted: T[];
  /** Deleted (or gone), but still listed after the bounded wait. */
  remaining: T[];
  /** Deleted (or gone), but the confirming listing failed: not known to be gone. */
  unconfirmed: T[];
  /** Why the confirming listing failed, when it did. */
  confirmError?: ErrorData;
  /** Stopped by the signal before every target was tried. */
  interrupted: boolean;
  /** The lengths of the lists above, and the retries the clients made. */
  counts: {
    planned: number;
    deleted: number;
    alreadyGone: number;
    skipped: number;
    failed: number;
    notStarted: number;
    remaining: number;
    unconfirmed: number;
    /** Requests beyond the first per delete (the client's retry strategy: 429s, 5xx, timeouts). */
    retries: number;
  };
  /** How long the apply step took. */
  durationMs: number;
  /** Everything planned is gone (or kept with a reason): nothing failed, remains, is unconfirmed or undone. */
  complete: boolean;
}
