import { ApiError, firstHeader, rawBody } from "@fnapi/auth";

/** An error answered by FunctionGraph or the API gateway in front of it. */
export class FgsApiError extends ApiError {
  override name = "FgsApiError";
}

interface HuaweiErrorBody {
  error_code?: string;
  error_msg?: string;
  request_id?: string;
}

/** Builds the error from the `{error_code, error_msg, request_id?}` body, or from the raw text. */
export function toFgsApiError(response: Response, body: unknown, attempts: number): FgsApiError {
  const parsed = typeof body === "object" && body !== null ? (body as HuaweiErrorBody) : {};
  return new FgsApiError({
    status: response.status,
    code: typeof parsed.error_code === "string" ? parsed.error_code : undefined,
    message: parsed.error_msg ?? (response.statusText || `HTTP ${response.status}`),
    requestId: parsed.request_id ?? firstHeader(response, ["x-request-id"]),
    body: rawBody(body),
    attempts,
  });
}

/** The codes that mean the function, version or alias is already gone. */
export const ALREADY_GONE_CODES: ReadonlySet<string> = new Set(["FSS.1051", "FSS.1052", "FSS.1053"]);
