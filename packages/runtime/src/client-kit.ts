import createClient, { type Client, type MaybeOptionalInit, type PathSerializer } from "openapi-fetch";
import type { HttpMethod, PathsWithMethod, SuccessResponseJSON } from "openapi-typescript-helpers";
import { AttemptRequest } from "./attempt-request.js";
import {
  type Attempt,
  type AttemptOutcome,
  isRetryableStatus,
  parseRetryAfter,
  runAttempts,
} from "./attempts.js";
import { type AuthScheme, authMiddleware } from "./auth-scheme.js";
import { MAX_DATA_BODY_BYTES, readAtMost } from "./bounded-body.js";
import {
  type ApiError,
  type ApiErrorInit,
  type CallSite,
  NetworkError,
  ResponseBodyError,
} from "./errors.js";
import { type CallLogEntry, type CallLogger, safeLog } from "./logger.js";
import { checkOptions } from "./options-object.js";
import { createRedactor, type Redactor } from "./redact.js";
import type { ResolvedRetryOptions } from "./retry-options.js";
import { bodyError, send } from "./transport.js";

// The client kit: what every fnapi client is made of. Given the generated `paths` type, a base URL, an auth
// scheme and the cloud's error mapping, it returns the openapi-fetch client (authenticated, behind the
// guarded transport) and `run`, which performs one operation with the whole policy (attempts, timeouts,
// retries of idempotent operations, one repair after a 401, typed errors, bounded bodies) and returns the
// operation's typed data. One operation of a client is then one small file that validates its input and
// calls `run`.

/** The fields of an ApiError that come from the vendor's error body and headers. */
export interface VendorErrorFields {
  code?: string | undefined;
  message?: string | undefined;
  details?: string | undefined;
  requestId?: string | undefined;
}

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
}

export interface ClientKitOptions {
  baseUrl: string;
  auth: AuthScheme;
  errors: ErrorMapping;
  retry: ResolvedRetryOptions;
  fetch?: typeof fetch | undefined;
  /** Headers every request carries (no credentials: the auth scheme adds those). */
  headers?: Record<string, string>;
  pathSerializer?: PathSerializer;
  /** Called once per attempt with what happened (no secrets). */
  logger?: CallLogger | undefined;
}

/** How one operation is run. */
export interface CallPolicy {
  /** The caller's signal: aborts the call, retries and backoff included. */
  signal?: AbortSignal | undefined;
  /** Whether the operation may be repeated after a timeout, a network error, 429 or 5xx. */
  idempotent: boolean;
  /** `none`: a 2xx body is never read (cancelled). `json`: read up to 4 MiB and parsed. */
  result: "none" | "json";
  /** The operation's name, for errors (`listActions`). */
  operation?: string | undefined;
  /**
   * Checks a parsed 2xx answer (and its headers) for the fields the operation reads, as the API's schema
   * has them; returns what is wrong, which becomes a ResponseBodyError naming the operation (never retried).
   */
  check?: ((body: unknown, headers: Headers) => string | undefined) | undefined;
  /** Given the headers of the 2xx answer (a token in `X-Subject-Token`, say). */
  successHeaders?: ((headers: Headers) => void) | undefined;
  /** An error that means the desired state holds already (a missing resource with `missingOk`). */
  alreadyGone?: ((error: ApiError) => boolean) | undefined;
  /**
   * Whether this error is worth another attempt, for an operation whose vendor codes say more than the
   * status (a transient state, a permanent failure behind a 500). `undefined` keeps the default: 429, 500,
   * 502, 503, 504.
   */
  retryable?: ((error: ApiError) => boolean | undefined) | undefined;
}

/** The operation's success JSON, or `void` when it returns none. */
export type OperationResult<Operation> = [
  SuccessResponseJSON<Operation & Record<string | number, unknown>>,
] extends [never]
  ? undefined
  : SuccessResponseJSON<Operation & Record<string | number, unknown>>;

/** The shape of openapi-typescript's `paths`. */
type PathsShape = Record<string, Record<HttpMethod, object>>;

/** `run`: typed like openapi-fetch's `client.request` (a wrong path or a missing parameter fails to compile). */
export type RunOperation<Paths extends PathsShape> = <
  Method extends HttpMethod,
  Path extends PathsWithMethod<Paths, Method>,
  Init extends MaybeOptionalInit<Paths[Path], Method>,
>(
  method: Method,
  path: Path,
  init: Init,
  policy: CallPolicy,
) => Promise<OperationResult<Paths[Path][Method]>>;

export interface ClientKit<Paths extends {}> {
  /** The openapi-fetch client: authenticated, redirects refused, error bodies bounded and redacted. */
  readonly client: Client<Paths>;
  /** Performs one operation with the whole policy and returns its typed data. */
  readonly run: RunOperation<Paths & PathsShape>;
}

const MAX_MESSAGE_CHARS = 2000;

export function createClientKit<Paths extends {}>(options: ClientKitOptions): ClientKit<Paths> {
  // Every client's `fetch` and `logger` are checked here, once for all of them.
  checkOptions(options, "the client", { fetch: "function", logger: "function", headers: "object" });
  const { auth, errors, retry, logger } = options;
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const base = {
    baseUrl: options.baseUrl,
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.pathSerializer ? { pathSerializer: options.pathSerializer } : {}),
  };
  const redactorFor = (request: Request | undefined): Redactor => createRedactor(auth.secrets(request));

  const client = createClient<Paths>({
    ...base,
    fetch: (request: Request) =>
      send(request, {
        fetch: fetchImpl,
        signal: request.signal,
        site: { method: request.method, url: request.url },
        attempt: 1,
        redactor: () => redactorFor(request),
      }),
  });
  client.use(authMiddleware(auth));
  // `run` builds its requests with a client of its own, without middleware: it authenticates inside each
  // attempt, where the attempt's signal is at hand, and reads bodies itself.
  const bare = createClient<Paths>({ ...base, Request: AttemptRequest as unknown as typeof Request });

  async function attemptOnce(
    method: HttpMethod,
    path: string,
    init: object | undefined,
    policy: CallPolicy,
    site: CallSite,
    { number, signal, canRepair }: Attempt,
    used: string[],
  ): Promise<AttemptOutcome<unknown>> {
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
    let sent: Request | undefined;
    // One redactor per attempt, made only if something has to be redacted (the transport and the error share
    // it). It knows every secret the call has used so far: a server may echo attempt 1's signature, or the
    // token a 401 rejected before the refresh, into a later attempt's answer.
    let redactor: Redactor | undefined;
    const redactorOnce = () => (redactor ??= createRedactor(used.concat(auth.secrets(sent))));
    const attemptFetch = async (request: Request) => {
      site.url = request.url;
      await auth.authorize(request, signal);
      sent = request;
      used.push(...auth.secrets(request));
      return send(request, { fetch: fetchImpl, signal, site, attempt: number, redactor: redactorOnce });
    };
    let response: Response;
    let body: unknown;
    try {
      ({ response, error: body } = await bare.request(
        method,
        path as never,
        { ...init, fetch: attemptFetch, parseAs: "stream" } as never,
      ));
    } catch (error) {
      log({ error: (error as Error)?.name ?? "Error" });
      // Only a rejection of fetch itself (the transport made it a NetworkError) may be worth repeating.
      if (error instanceof NetworkError) return { done: false, error, retryable: policy.idempotent };
      throw error;
    }
    if (response.ok) {
      log({ status: response.status });
      policy.successHeaders?.(response.headers);
      if (policy.result !== "json") return { done: true, value: cancel(response) };
      let text: string;
      try {
        text = await readData(response, site, number, policy.operation);
      } catch (error) {
        if (error instanceof ResponseBodyError) throw error;
        const failure = bodyError(error, { signal, site, attempt: number, redactor: redactorOnce });
        if (failure instanceof NetworkError)
          return { done: false, error: failure, retryable: policy.idempotent };
        throw failure;
      }
      const value = parseJson(text, response.status, site, number, policy.operation);
      const problem = policy.check?.(value, response.headers);
      if (problem) throw new ResponseBodyError(problem, response.status, site, number, policy.operation);
      return { done: true, value };
    }
    const error = toApiError(response, body, redactorOnce(), site, number);
    log({ status: response.status, code: error.code, requestId: error.requestId });
    if (policy.alreadyGone?.(error)) return { done: true, value: undefined };
    return {
      done: false,
      error,
      retryable: policy.idempotent && (policy.retryable?.(error) ?? isRetryableStatus(response.status)),
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
      // Only an attempt that may still repair tells the scheme: a 401 on the repair attempt must not drop
      // the token just fetched, or every call of a burst would refresh again (one refresh per rejected token).
      repair:
        response.status === 401 &&
        sent !== undefined &&
        canRepair &&
        auth.onUnauthorized?.(response, sent) === true,
    };
  }

  function toApiError(
    response: Response,
    body: unknown,
    redact: Redactor,
    site: CallSite,
    attempts: number,
  ): ApiError {
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
        requestId: clean(fields.requestId),
        body:
          body === undefined || body === null
            ? ""
            : typeof body === "string"
              ? body
              : redact(JSON.stringify(body)),
      },
      { method: site.method, url: site.url },
      attempts,
    );
  }

  return {
    client,
    run: (method, path, init, policy) => {
      // Every operation's `signal` is checked here, before anything is sent.
      checkOptions(policy, String(policy.operation ?? path), { signal: "signal" });
      const site: CallSite = { method: method.toUpperCase(), url: options.baseUrl + String(path) };
      // The secrets every attempt of this call sent (signatures, tokens, a token replaced after a 401).
      const used: string[] = [];
      return runAttempts({ retry, signal: policy.signal, site, idempotent: policy.idempotent }, (attempt) =>
        attemptOnce(method, String(path), init ?? undefined, policy, site, attempt, used),
      ) as Promise<never>;
    },
  };
}

/** A 2xx whose body the operation does not need: never read, whatever its type or size. */
function cancel(response: Response): undefined {
  response.body?.cancel().catch(() => {});
  return undefined;
}

/** A 2xx data body as text, up to 4 MiB (a larger one is a ResponseBodyError). */
async function readData(
  response: Response,
  site: CallSite,
  attempts: number,
  operation: string | undefined,
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

function parseJson(
  text: string,
  status: number,
  site: CallSite,
  attempts: number,
  operation: string | undefined,
): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ResponseBodyError("is not JSON", status, site, attempts, operation);
  }
}
