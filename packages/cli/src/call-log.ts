import type { CallLogEntry, CallLogger } from "@fnapi/ncf-client";

// The clients' `logger` hook, twice used: `--verbose` prints each attempt on stderr, and the last attempt
// tells whether a call that resolved with `missingOk` found the resource already gone (its answer was a 404,
// not a 2xx). The entries hold method, URL, status, vendor code and request id: never a secret.

export interface CallLog {
  logger: CallLogger;
  /** The last attempt's entry. */
  last(): CallLogEntry | undefined;
}

export function createCallLog(verbose: ((line: string) => void) | undefined): CallLog {
  let last: CallLogEntry | undefined;
  return {
    logger(entry) {
      last = entry;
      verbose?.(formatEntry(entry));
    },
    last: () => last,
  };
}

/** `DELETE http://…/packages/p?platform=vpc → 409 80109 (request id …, attempt 1, 12 ms)` */
export function formatEntry(entry: CallLogEntry): string {
  const outcome =
    entry.status !== undefined
      ? `${entry.status}${entry.code ? ` ${entry.code}` : ""}`
      : (entry.error ?? "no answer");
  const facts = [
    ...(entry.requestId ? [`request id ${entry.requestId}`] : []),
    `attempt ${entry.attempt}`,
    ...(entry.durationMs !== undefined ? [`${entry.durationMs} ms`] : []),
  ];
  return `fnapi: ${entry.method} ${entry.url} → ${outcome} (${facts.join(", ")})`;
}

/** Whether a call that resolved was answered "already gone" (a missingOk call whose last answer was no 2xx). */
export function wasAlreadyGone(log: CallLog): boolean {
  const status = log.last()?.status;
  return status !== undefined && (status < 200 || status > 299);
}
