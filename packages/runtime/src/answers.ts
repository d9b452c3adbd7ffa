import { MAX_DATA_BODY_BYTES, readAtMost } from "./bounded-body.js";
import type { ClientCore, VendorErrorFields } from "./client-core.js";
import { type ApiError, type CallSite, ResponseBodyError } from "./errors.js";
import type { Redactor } from "./redact.js";

// Reading an answer: an error response into the client's typed error, a 2xx body within its bound, and the
// copies the typed client hands on. Each function does one of these; none sends anything.

const MAX_MESSAGE_CHARS = 2000;

/** The client's ApiError for an error response whose body (bounded, redacted) is `text`. */
export function toApiError(
  core: ClientCore,
  response: Response,
  text: string,
  redact: Redactor,
  site: CallSite,
  attempts: number,
): ApiError {
  let body: unknown = text;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    // not JSON: the mapping gets the text
  }
  let fields: VendorErrorFields = {};
  try {
    fields = core.errors.fields(response, body);
  } catch {
    // A hostile body may break a mapping; the status and the raw body still make a useful error.
  }
  const clean = (value: unknown) =>
    typeof value === "string" && value !== "" ? redact(value).slice(0, MAX_MESSAGE_CHARS) : undefined;
  return new core.errors.ErrorClass(
    {
      status: response.status,
      code: clean(fields.code),
      message: clean(fields.message) ?? (clean(response.statusText) || `HTTP ${response.status}`),
      details: clean(fields.details),
      requestId: clean(fields.requestId ?? core.errors.requestId(response.headers)),
      body: text,
    },
    site,
    attempts,
  );
}

/** The text of a 2xx body, up to 4 MiB (past that a ResponseBodyError naming the operation). */
export async function readBounded(
  response: Response,
  site: CallSite,
  attempts: number,
  operation?: string,
): Promise<string> {
  const { text, truncated } = await readAtMost(response.body, MAX_DATA_BODY_BYTES);
  if (truncated) {
    throw new ResponseBodyError(
      `is larger than ${MAX_DATA_BODY_BYTES} bytes`,
      response.status,
      site,
      attempts,
      operation,
    );
  }
  return text;
}

/** A 2xx body parsed as JSON, within its bound. */
export async function readJson(
  response: Response,
  site: CallSite,
  attempts: number,
  operation: string | undefined,
): Promise<unknown> {
  const text = await readBounded(response, site, attempts, operation);
  try {
    return JSON.parse(text);
  } catch {
    throw new ResponseBodyError("is not JSON", response.status, site, attempts, operation);
  }
}

/** A copy of a response with `text` as its body and every header passed through `clean`. */
export function copyResponse(response: Response, text: string, clean: (value: string) => string): Response {
  const headers = new Headers();
  response.headers.forEach((value, name) => {
    if (name !== "content-length" && name !== "content-encoding") headers.set(name, clean(value));
  });
  // The reason phrase is the server's free text: cleaned like the body (and ISO-8859-1 only).
  const statusText = clean(response.statusText).replace(/[^\t\x20-\x7e\x80-\xff]/g, "");
  return new Response(text === "" ? null : text, { status: response.status, statusText, headers });
}
