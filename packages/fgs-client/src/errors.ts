import { ApiError, type ErrorMapping } from "@fnapi/runtime";

/** An error answered by FunctionGraph or the API gateway in front of it. */
export class FgsApiError extends ApiError {
  override name = "FgsApiError";
}

/** `{error_code, error_msg, request_id?}` (FunctionGraph and its API gateway). */
export const fgsErrorMapping: ErrorMapping = {
  ErrorClass: FgsApiError,
  fields(response, body) {
    const parsed = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
    return {
      code: text(parsed.error_code),
      message: text(parsed.error_msg),
      requestId: text(parsed.request_id) ?? response.headers.get("x-request-id") ?? undefined,
    };
  },
};

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The codes that mean the function, version or alias is already gone. */
export const ALREADY_GONE_CODES: ReadonlySet<string> = new Set(["FSS.1051", "FSS.1052", "FSS.1053"]);
