import { ApiError, type ErrorMapping } from "@fnapi/runtime";

/** An error answered by Cloud Functions or the NCP API Gateway in front of it. */
export class NcfApiError extends ApiError {
  /** Always `NcfApiError`. */
  override name = "NcfApiError";
}

// NCP does not document a request-id header; these are the ones its gateway and proxies are seen to send.
const REQUEST_ID_HEADERS = ["x-ncp-trace-id", "x-ncp-request-id", "x-request-id"] as const;

/** `{"error": {"errorCode", "message", "details"}}` (errorCode a string or, as documented, an integer). */
export const ncfErrorMapping: ErrorMapping = {
  ErrorClass: NcfApiError,
  fields(response, body) {
    const detail = isObject(body) && isObject(body.error) ? body.error : {};
    return {
      code: scalar(detail.errorCode),
      message: scalar(detail.message),
      details: scalar(detail.details),
      requestId: requestIdOf(response.headers),
    };
  },
  requestId: requestIdOf,
};

function requestIdOf(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value !== null) return value;
  }
  return undefined;
}

/**
 * The NCF answers that mean "already gone" (404 with these codes), of each API: v2.1's 80101 (package) and
 * 80301 (action); v3's PackageNotFound, ActionNotFound and VersionNotFound (the last two unconfirmed).
 */
const GONE_CODES: ReadonlySet<string> = new Set([
  "80101",
  "80301",
  "PackageNotFound",
  "ActionNotFound",
  "VersionNotFound",
]);

/**
 * Whether `error` says the package, action or version is already gone: an `NcfApiError` 404 with one of
 * either API's not-found codes (v2.1: 80101, 80301; v3: PackageNotFound, ActionNotFound, VersionNotFound).
 * The one place this rule is written; `missingOk` uses it.
 */
export function isGone(error: unknown): error is NcfApiError {
  return error instanceof NcfApiError && error.status === 404 && GONE_CODES.has(error.code ?? "");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** A string, or a finite number as a string; anything else (an object from a hostile body) is ignored. */
export function scalar(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}
