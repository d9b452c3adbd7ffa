import { ApiError } from "@fnapi/ncf-client";

// "Already gone", in one place in the CLI: until the clients export `isGone(error)` and their deletes
// resolve to `{ alreadyGone, attempts, requestId }`, the CLI keeps the rule here (the vendors' not-found
// codes) and reads the outcome of a missingOk delete from the result when it has one, else from the log.
// Swapping to the clients' results and isGone is this file only.

/** NCF package, NCF action, FunctionGraph function, version, alias: not found. */
const GONE_CODES = new Set(["80101", "80301", "FSS.1051", "FSS.1052", "FSS.1053"]);

/** Whether the error says the resource is already gone (a 404 with the vendor's not-found code). */
export function isGone(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && GONE_CODES.has(error.code ?? "");
}

/** Whether a delete that resolved found the resource already gone. */
export function resolvedAlreadyGone(result: unknown, lastStatus: number | undefined): boolean {
  const reported = (result as { alreadyGone?: unknown } | null | undefined)?.alreadyGone;
  if (typeof reported === "boolean") return reported;
  return lastStatus !== undefined && (lastStatus < 200 || lastStatus > 299);
}
