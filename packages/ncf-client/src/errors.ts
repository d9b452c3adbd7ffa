import { ApiError, firstHeader, rawBody } from "@fnapi/auth";

/** An error answered by Cloud Functions or the NCP API Gateway in front of it. */
export class NcfApiError extends ApiError {
  override name = "NcfApiError";
}

// NCP does not document a request-id header; these are the ones its gateway and proxies are seen to send.
const REQUEST_ID_HEADERS = ["x-ncp-trace-id", "x-ncp-request-id", "x-request-id"] as const;

interface NcpErrorBody {
  error?: { errorCode?: string | number; message?: string; details?: string };
}

/** Builds the error from the `{"error": {"errorCode", "message", "details"}}` body, or from the raw text. */
export function toNcfApiError(response: Response, body: unknown, attempts: number): NcfApiError {
  const detail = typeof body === "object" && body !== null ? (body as NcpErrorBody).error : undefined;
  const code = detail?.errorCode;
  return new NcfApiError({
    status: response.status,
    code: code === undefined || code === null ? undefined : String(code),
    message: detail?.message ?? (response.statusText || `HTTP ${response.status}`),
    details: detail?.details,
    requestId: firstHeader(response, REQUEST_ID_HEADERS),
    body: rawBody(body),
    attempts,
  });
}
