import type { CallLogEntry, CallLogger } from "@fnapi/ncf-client";
import { join, type Text, text } from "./text.js";

// --verbose: the clients' `logger` hook, one line per attempt on stderr. The entries hold method, URL,
// status, vendor code and request id: never a secret; printed escaped. (What a delete did comes from its
// result, `{ alreadyGone, attempts, requestId }`, not from this log.)

export function verboseLogger(write: (line: Text) => void): CallLogger {
  return (entry) => write(formatEntry(entry));
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
