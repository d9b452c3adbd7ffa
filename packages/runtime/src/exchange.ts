import { toApiError } from "./answers.js";
import { type AttemptRequest, attemptRequest } from "./attempt-request.js";
import type { Attempt, AttemptOutcome } from "./attempts.js";
import { readErrorBody } from "./bounded-body.js";
import type { ClientCore } from "./client-core.js";
import { type ApiError, CallError, type CallSite, NetworkError } from "./errors.js";
import { type CallLogEntry, safeLog } from "./logger.js";
import { createRedactor, type Redactor } from "./redact.js";
import type { OutgoingRequest } from "./request-url.js";
import { parseRetryAfter } from "./retry/retry-after.js";
import { isRetryableStatus } from "./retry/retryable.js";
import { networkError, send as sendOnWire } from "./transport.js";

// One attempt of a call: authenticate a fresh copy of the request, send it, and say what came back — a 2xx
// to read, or a failure with what the attempt loop needs to decide (retryable, Retry-After, repair). Both
// send paths (operations and the typed client) run their attempts through here.

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

/** One call in flight: what every attempt of it shares. */
export interface Call {
  readonly core: ClientCore;
  readonly request: OutgoingRequest;
  readonly site: CallSite;
  readonly idempotent: boolean;
  /** The body as bytes, encoded once per call (what is signed is what is sent). */
  readonly body: ArrayBuffer | null;
  /** The client's headers and the request's own. */
  readonly headers: HeadersInit | undefined;
  /**
   * The requests every attempt sent: their secrets (signatures, tokens, a token replaced after a 401) are
   * asked for only when something has to be redacted. `undefined` stands for what the scheme holds (a key, a
   * fixed token), which an attempt that failed before it was authorized must redact too.
   */
  readonly sent: (AttemptRequest | undefined)[];
}

export function startCall(core: ClientCore, given: OutgoingRequest, idempotent?: boolean): Call {
  const request = core.prepare ? core.prepare(given) : given;
  return {
    core,
    request,
    site: { method: request.method, url: request.url },
    idempotent: idempotent ?? IDEMPOTENT_METHODS.has(request.method),
    body: request.body == null ? null : (new TextEncoder().encode(request.body).buffer as ArrayBuffer),
    headers: request.headers ? mergeHeaders(core.headers, request.headers) : core.headers,
    sent: [undefined],
  };
}

/** A redactor for everything the call has sent so far (a server may echo attempt 1's secrets later). */
export const redactorOf = (call: Call): Redactor =>
  createRedactor(call.sent.flatMap(call.core.auth.secrets, call.core.auth));

/** What an attempt's exchange came to. */
export type Exchange =
  | { ok: true; response: Response; log: (entry: LogFields) => void; redact: () => Redactor }
  | {
      ok: false;
      outcome: Failure;
      /** The error answer, its body bounded and redacted (the typed client hands a copy on). */
      answer?: { response: Response; text: string; redact: Redactor };
    };

/** A failed attempt, as the attempt loop takes it. */
export type Failure = Extract<AttemptOutcome<never>, { done: false }>;

type LogFields = Omit<CallLogEntry, "method" | "url" | "attempt" | "durationMs">;

/**
 * Failures of an attempt while reading a body: a body that ends early is a NetworkError, retried; a typed
 * error of the reader (a ResponseBodyError: too large, not JSON, fields missing) is thrown as it is, and so is
 * an abort (the attempt loop makes it the caller's reason or a TimeoutError).
 */
export function bodyFailure(call: Call, error: unknown, attempt: Attempt, redact: () => Redactor): Failure {
  if (error instanceof CallError || attempt.signal.aborted) throw error;
  return networkFailure(
    call,
    networkError(error, { site: call.site, attempt: attempt.number, redactor: redact }, "body ended early: "),
  );
}

/** A NetworkError as the attempt loop takes it: retried when the call is idempotent, at twice the cost. */
const networkFailure = (call: Call, error: NetworkError): Failure => ({
  done: false,
  error,
  retryable: call.idempotent,
  cost: 2,
});

/**
 * Sends one attempt. A 2xx is handed back unread; an error answer becomes the client's ApiError (its body
 * bounded and redacted), with `retryable` from `retryable(error)` or the one list of retryable statuses.
 */
export async function exchange(
  call: Call,
  attempt: Attempt,
  retryable: (error: ApiError) => boolean | undefined = () => undefined,
): Promise<Exchange> {
  const { core, site } = call;
  const { number, signal, canRepair } = attempt;
  // Logging costs nothing unless a logger was given: no clock read, no entry built.
  const started = core.logger ? Date.now() : 0;
  const log = (entry: LogFields) => {
    if (core.logger) {
      safeLog(core.logger, {
        method: site.method,
        url: site.url,
        attempt: number,
        ...entry,
        durationMs: Date.now() - started,
      });
    }
  };
  // One redactor per attempt, made only if something has to be redacted.
  let redactor: Redactor | undefined;
  const redact = () => (redactor ??= redactorOf(call));
  const copy = attemptRequest(site.url, site.method, new Headers(call.headers), call.body);
  let authorized = false;
  let response: Response;
  try {
    await core.auth.authorize(copy, signal);
    authorized = true;
    call.sent.push(copy);
    response = await sendOnWire(copy, { fetch: core.fetch, signal, site, attempt: number, redactor: redact });
  } catch (error) {
    log({ error: (error as Error)?.name ?? "Error" });
    // Only a rejection of fetch itself (the transport made it a NetworkError) may be worth repeating.
    if (error instanceof NetworkError) return { ok: false, outcome: networkFailure(call, error) };
    throw error;
  }
  if (response.ok) return { ok: true, response, log, redact };
  let text: string;
  try {
    text = await readErrorBody(response.body, redact());
  } catch (error) {
    return { ok: false, outcome: bodyFailure(call, error, attempt, redact) };
  }
  const error = toApiError(core, response, text, redact(), site, number);
  log({ status: response.status, code: error.code, requestId: error.requestId });
  return {
    ok: false,
    answer: { response, text, redact: redact() },
    outcome: {
      done: false,
      error,
      retryable: call.idempotent && (retryable(error) ?? isRetryableStatus(response.status)),
      status: response.status,
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
      // Only an attempt that may still repair tells the scheme: a 401 on the repair attempt must not drop
      // the token just fetched (one refresh per rejected token).
      repair:
        response.status === 401 &&
        authorized &&
        canRepair &&
        core.auth.onUnauthorized?.(response, copy) === true,
    },
  };
}

/**
 * The client's headers, then the request's, by name whatever its case: `Content-Type` and `content-type` are one
 * header (a plain spread keeps both, and `new Headers` then sends `application/json, application/json`).
 */
function mergeHeaders(base: Record<string, string> | undefined, own: Record<string, string>): Headers {
  const merged = new Headers(base);
  for (const name in own) merged.set(name, own[name] as string);
  return merged;
}
