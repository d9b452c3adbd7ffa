// The logging hook: one entry per attempt, made of data the client already holds and that is never secret
// (the URL carries no credentials; codes and request ids were redacted with the error). A logger that
// throws is ignored: logging must not change what a call does.

/** One attempt, as the `logger` option is told of it: never a secret. */
export interface CallLogEntry {
  /** HTTP method. */
  method: string;
  /** Origin, path and query (never credentials). */
  url: string;
  /** 1-based attempt number. */
  attempt: number;
  /** HTTP status, when a response arrived. */
  status?: number | undefined;
  /** The vendor error code of an error response. */
  code?: string | undefined;
  /** The vendor request id. */
  requestId?: string | undefined;
  /** The error's name when the attempt threw (TimeoutError, NetworkError, RedirectError, …). */
  error?: string | undefined;
  /** Milliseconds from the start of the attempt to its outcome. */
  durationMs?: number;
}

/** The `logger` option: called once per attempt; what it throws is ignored. */
export type CallLogger = (entry: CallLogEntry) => void;

export function safeLog(logger: CallLogger, entry: CallLogEntry): void {
  try {
    logger(entry);
  } catch {
    // ignored on purpose
  }
}
