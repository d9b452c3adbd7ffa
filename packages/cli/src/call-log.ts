import type { CallLogEntry, CallLogger } from "@fnapi/ncf-client";
import { join, type Text, text } from "./text.js";

// The clients' `logger` hook, twice used: `--verbose` prints each attempt on stderr, and the last attempt's
// status tells whether a call that resolved with `missingOk` found the resource already gone (gone.ts). The
// entries hold method, URL, status, vendor code and request id: never a secret; printed escaped.

export interface CallLog {
  logger: CallLogger;
  /** The last attempt's entry. */
  last(): CallLogEntry | undefined;
}

export function createCallLog(verbose: ((line: Text) => void) | undefined): CallLog {
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
export function formatEntry(entry: CallLogEntry): Text {
  const outcome =
    entry.status !== undefined
      ? text`${entry.status}${entry.code ? text` ${entry.code}` : text``}`
      : text`${entry.error ?? "no answer"}`;
  const facts = [
    ...(entry.requestId ? [text`request id ${entry.requestId}`] : []),
    text`attempt ${entry.attempt}`,
    ...(entry.durationMs !== undefined ? [text`${entry.durationMs} ms`] : []),
  ];
  return text`fnapi: ${entry.method} ${entry.url} → ${outcome} (${join(facts, ", ")})`;
}
