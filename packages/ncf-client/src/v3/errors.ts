import type { ErrorMapping } from "@fnapi/runtime";
import { NcfApiError, ncfErrorMapping, scalar } from "../errors.js";

// API v3's error body, `{"error": {"errorCode", "message", "detail", "fieldErrors"}}`; the gateway's answers
// may keep v2's `details` (unconfirmed), so both are read. The error class is the one NcfApiError.

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/** The first field error, as `field: message` (text only; anything else in it is ignored). */
function firstFieldError(errors: unknown): string | undefined {
  if (!Array.isArray(errors) || !isObject(errors[0])) return undefined;
  const field = scalar(errors[0].field);
  const message = scalar(errors[0].message);
  return field && message ? `${field}: ${message}` : undefined;
}

export const ncfV3ErrorMapping: ErrorMapping = {
  ErrorClass: NcfApiError,
  fields(response, body) {
    const detail = isObject(body) && isObject(body.error) ? body.error : {};
    return {
      code: scalar(detail.errorCode),
      message: scalar(detail.message),
      details: scalar(detail.detail) ?? scalar(detail.details) ?? firstFieldError(detail.fieldErrors),
      requestId: ncfErrorMapping.requestId(response.headers),
    };
  },
  requestId: ncfErrorMapping.requestId,
};
