import { ApiError, type ErrorMapping } from "@fnapi/runtime";

/** An error answered by FunctionGraph or the API gateway in front of it. */
export class FgsApiError extends ApiError {
  /** Always `FgsApiError`. */
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
      requestId: text(parsed.request_id) ?? requestIdOf(response.headers),
    };
  },
  requestId: requestIdOf,
};

function requestIdOf(headers: Headers): string | undefined {
  return headers.get("x-request-id") ?? undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The codes that mean the function, version or alias is already gone. */
const GONE_CODES: ReadonlySet<string> = new Set(["FSS.1051", "FSS.1052", "FSS.1053"]);

/**
 * Whether `error` says the function, version or alias is already gone: an `FgsApiError` 404 with code
 * FSS.1051, FSS.1052 or FSS.1053. The one place this rule is written; `missingOk` uses it.
 */
export function isGone(error: unknown): error is FgsApiError {
  return error instanceof FgsApiError && error.status === 404 && GONE_CODES.has(error.code ?? "");
}
