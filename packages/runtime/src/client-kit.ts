import type { AuthScheme } from "@fnapi/auth";
import createClient, { type Client, type PathSerializer } from "openapi-fetch";
import { type AttemptRequest, attemptRequest } from "./attempt-request.js";
import { type Attempt, type AttemptOutcome, runAttempts } from "./attempts.js";
import { MAX_DATA_BODY_BYTES, readAtMost, readErrorBody } from "./bounded-body.js";
import {
  type ApiError,
  type ApiErrorInit,
  type CallSite,
  NetworkError,
  ResponseBodyError,
} from "./errors.js";
import { type CallLogEntry, type CallLogger, safeLog } from "./logger.js";
import { createRedactor, type Redactor } from "./redact.js";
import { parseRetryAfter } from "./retry/retry-after.js";
import { isRetryableStatus } from "./retry/retryable.js";
import type { RetryStrategy } from "./retry/strategy.js";
import type { ResolvedRetryOptions } from "./retry-options.js";
import { bodyError, send } from "./transport.js";

// The client kit: what every fnapi client is made of. It makes ONE openapi-fetch client whose `fetch` is the
// request pipeline, so every request — through the typed `.client` or through an operation — gets the same
// guarantees: per-attempt timeout, retries of idempotent requests with backoff and `Retry-After` (bounded by
// a client-wide retry budget), the 401 repair, redaction, bounded bodies and typed errors. Each attempt
// authenticates a fresh copy of the request openapi-fetch built. An operation calls the typed client with
// `kit.call(policy, (fetch) => kit.client.DELETE(path, { params, fetch, parseAs: "stream" }))`, which runs
// that one request under the operation's policy and resolves to what happened (`CallResult`).

/** The fields of an ApiError that come from the vendor's error body and headers. */
export interface VendorErrorFields {
  /** The vendor's error code. */
  code?: string | undefined;
  /** The vendor's message. */
  message?: string | undefined;
  /** Further detail, when the vendor gives some. */
  details?: string | undefined;
  /** The vendor's request id. */
  requestId?: string | undefined;
}

/** How a cloud's answers are read: its error class, its error body, its request-id header. */
export interface ErrorMapping {
  /** The client's ApiError subclass (`NcfApiError`, `FgsApiError`). */
  ErrorClass: new (
    init: ApiErrorInit,
    site: CallSite,
    attempts: number,
  ) => ApiError;
  /**
   * Reads the vendor's fields from an error response. `body` is the parsed JSON, or the text when it is
   * not JSON (already bounded and redacted). Whatever it returns is redacted again and bounded.
   */
  fields(response: Response, body: unknown): VendorErrorFields;
  /** The vendor's request id in a response's headers (a success's, too). */
  requestId(headers: Headers): string | undefined;
}

/** What a client is made of. */
export interface ClientKitOptions {
  /** The API's base URL, already checked (no credentials, query or fragment). */
  baseUrl: string;
  /** Authenticates each attempt. */
  auth: AuthScheme;
  /** How the cloud's errors are read. */
  errors: ErrorMapping;
  /** Attempts, timeouts and backoff. */
  retry: ResolvedRetryOptions;
  /** The `fetch` to send with. Default: the global one, looked up at each call. */
  fetch?: typeof fetch | undefined;
  /** Headers every request carries (no credentials: the auth scheme adds those). */
  headers?: Record<string, string>;
  /** How path parameters are put into the URL. Default: openapi-fetch's. */
  pathSerializer?: PathSerializer;
  /** Called once per attempt with what happened (no secrets). */
  logger?: CallLogger | undefined;
}

/** How one operation's request is run. */
export interface CallPolicy {
  /** The caller's signal: aborts the call, retries and backoff included. */
  signal?: AbortSignal | undefined;
  /**
   * Whether the request may be repeated after a timeout, a network error, 429 or 5xx. Default: by method
   * (GET, HEAD, PUT, DELETE and OPTIONS are idempotent).
   */
  idempotent?: boolean | undefined;
  /** `none`: a 2xx body is never read (cancelled). `json`: read up to 4 MiB and parsed into `data`. */
  result: "none" | "json";
  /** An error that means the desired state holds already (a missing resource with `missingOk`). */
  alreadyGone?: ((error: ApiError) => boolean) | undefined;
  /** The operation's name, for errors (`listActions`). */
  operation?: string | undefined;
  /**
   * Checks a parsed 2xx answer (and its headers) for the fields the operation reads, as the API's schema
   * has them; returns what is wrong, which becomes a ResponseBodyError naming the operation (never retried).
   */
  check?: ((body: unknown, headers: Headers) => string | undefined) | undefined;
  /**
   * Whether this error is worth another attempt, for an operation whose vendor codes say more than the
   * status (a transient state, a permanent failure behind a 500). `undefined` keeps the default: 429, 500,
   * 502, 503, 504.
   */
  retryable?: ((error: ApiError) => boolean | undefined) | undefined;
}

/** What one call came to. */
export interface CallResult<Data = unknown> {
  /** The parsed 2xx JSON (`result: "json"`), else `undefined`. */
  data: Data;
  /** Whether the policy's `alreadyGone` accepted an error (the desired state held already). */
  alreadyGone: boolean;
  /** Attempts made, repair attempts included. */
  attempts: number;
  /** The vendor's request id of the last answer, when it had one. */
  requestId: string | undefined;
  /** The headers of the last answer. */
  headers: Headers;
}

/** What a delete resolves to: what happened, not just that it ended. */
export interface DeleteResult {
  /** True when the resource was already gone (an error the cloud uses for that, accepted by `missingOk`). */
  alreadyGone: boolean;
  /** Attempts made, repair attempts included. */
  attempts: number;
  /** The vendor's request id of the last answer, when it had one (quote it to support). */
  requestId: string | undefined;
}

/** The `fetch` openapi-fetch is given for one call: it runs the pipeline. */
export type PipelineFetch = (request: Request) => Promise<Response>;

/** A client's one openapi-fetch client, and the way its operations run a request under a policy. */
export interface ClientKit<Paths extends {}> {
  /** The openapi-fetch client: every request through the pipeline. */
  readonly client: Client<Paths>;
  /**
   * Runs the one request `send` makes with the given `fetch` under `policy`. Resolves to what happened; throws
   * the typed error of the last attempt unless `policy.alreadyGone` accepts it.
   */
  call<Data = unknown>(
    policy: CallPolicy,
    send: (fetch: PipelineFetch) => Promise<unknown>,
  ): Promise<CallResult<Data>>;
}

const MAX_MESSAGE_CHARS = 2000;
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

/** What the pipeline records of one call, for `call` to report. */
interface CallRecord {
  attempts: number;
  requestId: string | undefined;
  headers: Headers | undefined;
  error: ApiError | undefined;
  data: unknown;
}

type Policy = CallPolicy | undefined;

/** A client kit: one openapi-fetch client for `Paths` whose `fetch` is the request pipeline, and `call`. */
export function createClientKit<Paths extends {}>(options: ClientKitOptions): ClientKit<Paths> {
  const { auth, errors, retry, logger } = options;
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const strategy: RetryStrategy = retry.strategy;

  async function pipeline(request: Request, policy: Policy, record: CallRecord | undefined) {
    const site: CallSite = { method: request.method, url: request.url };
    // The body is read once (a small JSON document) and sent as bytes: browsers stream uploads over HTTP/2 only.
    const body = request.body === null ? null : await request.arrayBuffer();
    const idempotent = policy?.idempotent ?? IDEMPOTENT_METHODS.has(site.method);
    // The requests every attempt of this call sent: their secrets (signatures, tokens, a token replaced after a
    // 401) are asked for only when something has to be redacted. Each attempt has its own headers, never
    // changed after it is sent. `undefined` stands for what the scheme holds (a key, a fixed token), which
    // an attempt that failed before it was authorized must redact too.
    const sent: (AttemptRequest | undefined)[] = [undefined];
    return runAttempts<Response>(
      {
        retry,
        strategy,
        signal: policy ? policy.signal : request.signal,
        site,
        idempotent,
      },
      async (attempt) => {
        if (record) record.attempts = attempt.number;
        const copy = attemptRequest(site.url, site.method, new Headers(request.headers), body);
        return attemptOnce(copy, policy, record, site, attempt, idempotent, sent);
      },
    );
  }

  async function attemptOnce(
    request: AttemptRequest,
    policy: Policy,
    record: CallRecord | undefined,
    site: CallSite,
    { number, signal, canRepair }: Attempt,
    idempotent: boolean,
    sent: (AttemptRequest | undefined)[],
  ): Promise<AttemptOutcome<Response>> {
    // Logging costs nothing unless a logger was given: no clock read, no entry built.
    const started = logger ? Date.now() : 0;
    const log = (entry: Omit<CallLogEntry, "method" | "url" | "attempt" | "durationMs">) => {
      if (logger) {
        safeLog(logger, {
          method: site.method,
          url: site.url,
          attempt: number,
          ...entry,
          durationMs: Date.now() - started,
        });
      }
    };
    let authorized = false;
    // One redactor per attempt, made only if something has to be redacted (the transport and the error share
    // it). It knows every secret the call has used so far: a server may echo attempt 1's signature, or the
    // token a 401 rejected before the refresh, into a later attempt's answer.
    let redactor: Redactor | undefined;
    const redact = () => (redactor ??= createRedactor(sent.flatMap(auth.secrets, auth)));
    let response: Response;
    try {
      await auth.authorize(request, signal);
      authorized = true;
      sent.push(request);
      response = await send(request, { fetch: fetchImpl, signal, site, attempt: number, redactor: redact });
    } catch (error) {
      log({ error: (error as Error)?.name ?? "Error" });
      // Only a rejection of fetch itself (the transport made it a NetworkError) may be worth repeating.
      if (error instanceof NetworkError) return { done: false, error, retryable: idempotent, cost: 2 };
      throw error;
    }
    if (record) {
      record.headers = response.headers;
      record.requestId = errors.requestId(response.headers);
    }
    // A body that ends early (a reset, `terminated`) is a NetworkError, retried like one when idempotent.
    const early = (error: unknown): AttemptOutcome<Response> => {
      if (error instanceof ResponseBodyError) throw error;
      const failure = bodyError(error, { signal, site, attempt: number, redactor: redact });
      if (failure instanceof NetworkError)
        return { done: false, error: failure, retryable: idempotent, cost: 2 };
      throw failure;
    };
    if (response.ok) {
      log({ status: response.status, requestId: record?.requestId });
      try {
        if (!policy) return { done: true, value: await bounded(response, site, number) };
        if (policy.result === "json") {
          const data = await readJson(response, site, number, policy.operation);
          const problem = policy.check?.(data, response.headers);
          if (problem) throw new ResponseBodyError(problem, response.status, site, number, policy.operation);
          (record as CallRecord).data = data;
        } else {
          response.body?.cancel().catch(() => {});
        }
      } catch (error) {
        return early(error);
      }
      return { done: true, value: response };
    }
    let text: string;
    try {
      text = await readErrorBody(response.body, redact());
    } catch (error) {
      return early(error);
    }
    const error = toApiError(response, text, redact(), site, number);
    log({ status: response.status, code: error.code, requestId: error.requestId });
    // What openapi-fetch is given when this is the last attempt: the bounded, redacted body.
    const giveUp = () => {
      if (record) record.error = error;
      return safeCopy(response, text, redact());
    };
    return {
      done: false,
      error,
      giveUp,
      retryable: idempotent && (policy?.retryable?.(error) ?? isRetryableStatus(response.status)),
      status: response.status,
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
      // Only an attempt that may still repair tells the scheme: a 401 on the repair attempt must not drop
      // the token just fetched, or every call of a burst would refresh again (one refresh per rejected token).
      repair:
        response.status === 401 &&
        authorized &&
        canRepair &&
        auth.onUnauthorized?.(response, request) === true,
    };
  }

  function toApiError(
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
      fields = errors.fields(response, body);
    } catch {
      // A hostile body may break a mapping; the status and the raw body still make a useful error.
    }
    const clean = (value: unknown) =>
      typeof value === "string" && value !== "" ? redact(value).slice(0, MAX_MESSAGE_CHARS) : undefined;
    return new errors.ErrorClass(
      {
        status: response.status,
        code: clean(fields.code),
        message: clean(fields.message) ?? (clean(response.statusText) || `HTTP ${response.status}`),
        details: clean(fields.details),
        requestId: clean(fields.requestId ?? errors.requestId(response.headers)),
        body: text,
      },
      site,
      attempts,
    );
  }

  const client = createClient<Paths>({
    baseUrl: options.baseUrl,
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.pathSerializer ? { pathSerializer: options.pathSerializer } : {}),
    fetch: (request: Request) => pipeline(request, undefined, undefined),
  });

  return {
    client,
    async call<Data>(policy: CallPolicy, sendWith: (fetch: PipelineFetch) => Promise<unknown>) {
      const record = { attempts: 0 } as CallRecord;
      await sendWith((request) => pipeline(request, policy, record));
      const result: CallResult<Data> = {
        data: record.data as Data,
        alreadyGone: false,
        attempts: record.attempts,
        requestId: record.requestId,
        headers: record.headers ?? new Headers(),
      };
      if (record.error) {
        if (policy.alreadyGone?.(record.error) !== true) throw record.error;
        result.alreadyGone = true;
      }
      return result;
    },
  };
}

/** A copy of an error response with its body bounded and redacted, and its headers redacted. */
function safeCopy(response: Response, text: string, redact: Redactor): Response {
  const headers = new Headers();
  response.headers.forEach((value, name) => {
    if (name !== "content-length" && name !== "content-encoding") headers.set(name, redact(value));
  });
  // The reason phrase is the server's free text: it is redacted like the body (and is ISO-8859-1 only).
  const statusText = redact(response.statusText).replace(/[^\t\x20-\x7e\x80-\xff]/g, "");
  return new Response(text === "" ? null : text, { status: response.status, statusText, headers });
}

/** A 2xx for the typed `.client`: its body read up to 4 MiB (past that a ResponseBodyError), then handed on. */
async function bounded(response: Response, site: CallSite, attempts: number): Promise<Response> {
  if (response.body === null || response.status === 204) return response;
  const { text, truncated } = await readAtMost(response.body, MAX_DATA_BODY_BYTES);
  if (truncated) {
    throw new ResponseBodyError(
      `is larger than ${MAX_DATA_BODY_BYTES} bytes`,
      response.status,
      site,
      attempts,
    );
  }
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.delete("content-encoding");
  return new Response(text, { status: response.status, statusText: response.statusText, headers });
}

async function readJson(
  response: Response,
  site: CallSite,
  attempts: number,
  operation: string | undefined,
): Promise<unknown> {
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
  try {
    return JSON.parse(text);
  } catch {
    throw new ResponseBodyError("is not JSON", response.status, site, attempts, operation);
  }
}
