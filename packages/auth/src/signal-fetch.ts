/**
 * A fetch for one openapi-fetch call that sends the Request as `(url, init)` with `signal`, instead of
 * putting the signal into openapi-fetch's Request. In undici a Request that carries a signal, and fetch's own
 * copy of it, each subscribe to that signal (a WeakRef, a finalizer, a listener): measured in bench/, that
 * cost more than signing. Method, headers and body are all a DELETE carries.
 */
export function fetchWithSignal(
  fetchImpl: typeof fetch,
  signal: AbortSignal,
): (request: Request) => Promise<Response> {
  return (request) =>
    fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: request.redirect,
      signal,
      ...(request.body ? { duplex: "half" } : {}),
    } as RequestInit);
}
