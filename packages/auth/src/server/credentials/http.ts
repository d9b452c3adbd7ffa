import { CredentialsError } from "./credentials-error.js";

// The providers' one way to call a credentials endpoint, with the bounds of the clients' send path (the auth
// package cannot depend on the runtime, which depends on it): a timeout combined with the caller's signal,
// redirects refused (credentials never follow a Location), the body read up to 64 KiB, and failures that
// name the endpoint (without its query) and the status, never the body.

const MAX_BODY_BYTES = 64 * 1024;

export interface CredentialsRequest {
  source: string;
  url: string;
  method: "GET" | "PUT" | "POST";
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  fetch?: typeof fetch | undefined;
}

export interface CredentialsAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** Where a request went, as messages show it: no query, no userinfo. */
export function shown(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "(an invalid URL)";
  }
}

/** Sends one request; any answer comes back (the caller decides what a status means). */
export async function send(request: CredentialsRequest): Promise<CredentialsAnswer> {
  const { source, url, method } = request;
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await (request.fetch ?? fetch)(url, {
      method,
      headers: request.headers ?? {},
      ...(request.body !== undefined ? { body: request.body } : {}),
      redirect: "manual",
      signal,
    });
  } catch {
    if (request.signal?.aborted) throw request.signal.reason;
    const why = timeout.aborted ? `no answer within ${request.timeoutMs} ms` : "could not connect";
    throw new CredentialsError(source, `${method} ${shown(url)}: ${why}`);
  }
  if (response.status >= 300 && response.status < 400) {
    response.body?.cancel().catch(() => {});
    throw new CredentialsError(
      source,
      `${method} ${shown(url)} answered a redirect, which is never followed`,
      response.status,
    );
  }
  return { status: response.status, headers: response.headers, text: await bounded(response, source, url) };
}

/** Sends one request and parses a 2xx JSON answer; anything else is a CredentialsError. */
export async function sendForJson(request: CredentialsRequest): Promise<{ json: unknown; headers: Headers }> {
  const answer = await send(request);
  if (answer.status < 200 || answer.status > 299) {
    throw new CredentialsError(
      request.source,
      `${request.method} ${shown(request.url)} answered ${answer.status}`,
      answer.status,
    );
  }
  try {
    return { json: JSON.parse(answer.text), headers: answer.headers };
  } catch {
    throw new CredentialsError(
      request.source,
      `${request.method} ${shown(request.url)} answered no JSON`,
      answer.status,
    );
  }
}

async function bounded(response: Response, source: string, url: string): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      reader.cancel().catch(() => {});
      throw new CredentialsError(
        source,
        `${shown(url)} answered more than ${MAX_BODY_BYTES} bytes`,
        response.status,
      );
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** A string field of a parsed answer, or a CredentialsError naming the field (never its value). */
export function field(source: string, from: unknown, path: readonly string[]): string {
  let value: unknown = from;
  for (const key of path)
    value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  if (typeof value !== "string" || value === "") {
    throw new CredentialsError(source, `the answer has no ${path.join(".")}`);
  }
  return value;
}
