import type { AttemptRequest } from "./attempt-request.js";
import { type CallSite, NetworkError, ProtocolError, RedirectError } from "./errors.js";
import type { Redactor } from "./redact.js";

// One request on the wire, the way a hostile network needs it:
// - Redirects are never followed (`redirect: "manual"`): neither API redirects, and following one would
//   re-send the credentials (or a replayable signature) to whatever the server names. A 3xx, or a browser's
//   opaque redirect, becomes a RedirectError.
// - The signal goes straight to fetch as `(url, init)` rather than inside a Request: in undici a Request that
//   carries a signal, and fetch's copy of it, each subscribe to that signal (measured in bench/).
// - Only a rejection of fetch itself, or a body that ends early (`networkError`), is a NetworkError; an abort is
//   left to the attempt loop. A status outside 200–599 is a ProtocolError (undici hands it over; a Response
//   cannot hold it).

export interface SendContext {
  fetch: typeof fetch;
  signal: AbortSignal;
  site: CallSite;
  attempt: number;
  /** Built only when something has to be redacted (an error). */
  redactor: () => Redactor;
}

export async function send(request: AttemptRequest, context: SendContext): Promise<Response> {
  const { signal, site, attempt } = context;
  let response: Response;
  try {
    response = await context.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: "manual",
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw networkError(error, context);
  }
  if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
    discard(response);
    const location = response.headers.get("location");
    throw new RedirectError(
      response.status,
      location === null ? undefined : context.redactor()(location).slice(0, 2048),
      site,
      attempt,
    );
  }
  if (response.status < 200 || response.status > 599) {
    discard(response);
    throw new ProtocolError(response.status, site, attempt);
  }
  return response;
}

/** Lets go of a body that is not read (the connection can be reused; a failure to cancel changes nothing). */
export function discard(response: Response): void {
  response.body?.cancel().catch(() => {});
}

/**
 * A NetworkError for a rejection of fetch or a body that ended early (`terminated`, a reset: `prefix` says
 * so), which the attempt loop retries like any network error of an idempotent operation.
 */
export function networkError(
  error: unknown,
  context: Pick<SendContext, "site" | "attempt" | "redactor">,
  prefix = "",
): NetworkError {
  const redact = context.redactor();
  const code = codeOf((error as { cause?: unknown } | undefined)?.cause) ?? codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const reason = prefix + redact(code ?? message).slice(0, 300);
  // The runtime's error can hold anything (a URL, a header echoed by a custom fetch): keep a redacted copy.
  const cause = new Error(redact(message).slice(0, 300));
  cause.name = error instanceof Error ? error.name : "Error";
  if (code) Object.assign(cause, { code: redact(code) });
  return new NetworkError(reason, context.site, context.attempt, cause);
}

function codeOf(value: unknown): string | undefined {
  const code = (value as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}
