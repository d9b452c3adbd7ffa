// The error types every fnapi client throws. They hold data only: never a Request, a header map, a key or
// a token, so no rendering of an error (String, stack, JSON.stringify, util.inspect) can leak a secret.

/** Thrown before anything is sent when an argument or option breaks a rule of the API. */
export class ValidationError extends TypeError {
  override readonly name = "ValidationError";
  /** The argument or option at fault, e.g. `packageName`, `function_urn`, `secretKey`. */
  readonly field: string;
  /** The rule the value must follow. */
  readonly rule: string;
  constructor(field: string, problem: string, rule: string) {
    super(`${field} ${problem}; ${rule}`);
    this.field = field;
    this.rule = rule;
  }
}

export interface ApiErrorInit {
  status: number;
  code: string | undefined;
  message: string;
  details?: string | undefined;
  requestId?: string | undefined;
  body: string;
  attempts: number;
}

/** An HTTP error answered by the cloud (or the gateway in front of it). */
export class ApiError extends Error {
  override name = "ApiError";
  /** HTTP status. */
  readonly status: number;
  /** The vendor's error code as a string ("80101", "FSS.1051", "APIGW.0301"), when the body had one. */
  readonly code: string | undefined;
  readonly details: string | undefined;
  /** The vendor's request id, from the body or the response headers. */
  readonly requestId: string | undefined;
  /** The raw response body (cut at 64 KiB); kept as text when it is not JSON. */
  readonly body: string;
  /** How many attempts were made before giving up. */
  readonly attempts: number;
  constructor(init: ApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId;
    this.body = init.body;
    this.attempts = init.attempts;
  }
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      status: this.status,
      code: this.code,
      message: this.message,
      details: this.details,
      requestId: this.requestId,
      attempts: this.attempts,
    };
  }
}

/** No response arrived within `timeoutMs` on the last attempt. */
export class TimeoutError extends Error {
  override readonly name = "TimeoutError";
  readonly timeoutMs: number;
  readonly attempts: number;
  constructor(timeoutMs: number, attempts: number) {
    super(`no response within ${timeoutMs} ms (attempt ${attempts})`);
    this.timeoutMs = timeoutMs;
    this.attempts = attempts;
  }
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, timeoutMs: this.timeoutMs, attempts: this.attempts };
  }
}

/** The request failed below HTTP (connection refused or reset, DNS, TLS). `cause` is the runtime's error. */
export class NetworkError extends Error {
  override readonly name = "NetworkError";
  readonly attempts: number;
  constructor(cause: unknown, attempts: number) {
    const reason = cause instanceof Error ? (causeCode(cause) ?? cause.message) : String(cause);
    super(`network error: ${reason} (attempt ${attempts})`, { cause });
    this.attempts = attempts;
  }
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, attempts: this.attempts };
  }
}

function causeCode(error: Error): string | undefined {
  const inner = (error as { cause?: { code?: unknown } }).cause;
  return typeof inner?.code === "string" ? inner.code : undefined;
}
