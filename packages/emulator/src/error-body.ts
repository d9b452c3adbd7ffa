import type { ErrorShape } from "./spec-catalog.js";

// An error as the emulator decides it, and its body in the error shape of the API that answers.

export interface ApiFailure {
  status: number;
  /** The vendor's code: `80101`, `FSS.1051`, `APIGW.0301`, or IAM's numeric status as text. */
  code: string;
  /** NCP: the symbolic name or gateway message; Huawei: `error_msg`; IAM: the title. */
  message: string;
  /** NCP: `details`; Huawei: appended to `error_msg`; IAM: `message`. */
  details?: string;
  /** Raised by the API gateway in front of the service (Huawei gateway errors carry `request_id`). */
  gateway?: boolean;
}

export function errorBody(shape: ErrorShape, failure: ApiFailure, requestId: string): unknown {
  switch (shape) {
    case "ncp":
      return {
        error: {
          errorCode: failure.code,
          message: failure.message,
          ...(failure.details ? { details: failure.details } : {}),
        },
      };
    case "huawei":
      return {
        error_code: failure.code,
        error_msg: failure.details ? `${failure.message}: ${failure.details}` : failure.message,
        ...(failure.gateway ? { request_id: requestId } : {}),
      };
    case "keystone":
      return {
        error: {
          code: Number.parseInt(failure.code, 10) || failure.status,
          title: failure.message,
          message: failure.details ?? failure.message,
        },
      };
  }
}

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Request Entity Too Large",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export const reasonPhrase = (status: number): string => REASONS[status] ?? `HTTP ${status}`;
