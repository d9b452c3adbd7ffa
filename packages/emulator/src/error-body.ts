// An error as the emulator decides it; each cloud module writes it in its own API's error body.

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
