import { ApiError, type ErrorMapping } from "@fnapi/runtime";

/** An error answered by Cloud Functions or the NCP API Gateway in front of it. */
export class NcfApiError extends ApiError {
  override name = "NcfApiError";
}

// NCP does not document a request-id header; these are the ones its gateway and proxies are seen to send.
const REQUEST_ID_HEADERS = ["x-ncp-trace-id", "x-ncp-request-id", "x-request-id"] as const;

/** `{"error": {"errorCode", "message", "details"}}` (errorCode a string or, as documented, an integer). */
export const ncfErrorMapping: ErrorMapping = {
  ErrorClass: NcfApiError,
  fields(response, body) {
    const detail = isObject(body) && isObject(body.error) ? body.error : {};
    let requestId: string | undefined;
    for (const name of REQUEST_ID_HEADERS) requestId ??= response.headers.get(name) ?? undefined;
    return {
      code: scalar(detail.errorCode),
      message: scalar(detail.message),
      details: scalar(detail.details),
      requestId,
    };
  },
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** A string, or a finite number as a string; anything else (an object from a hostile body) is ignored. */
export function scalar(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}
