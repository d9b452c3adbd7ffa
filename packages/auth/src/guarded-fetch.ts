// What the clients keep of an error response ends up in an ApiError, and errors get logged. Two guards:
// - Size: openapi-fetch reads error bodies whole; a proxy's multi-megabyte page or a body that never ends
//   must not take the client down, so error bodies are cut at a limit (the rest is cancelled).
// - Secrets: some gateways and proxies echo the request (headers included) in their error pages. Every
//   credential the request carried, and any extra secret the client names, is replaced by [REDACTED] in
//   the error body and headers before anything else sees them.

export const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** Request headers whose values are secrets (or derived from one). */
export const SECRET_HEADERS = [
  "authorization",
  "x-auth-token",
  "x-security-token",
  "x-ncp-apigw-signature-v2",
] as const;

export interface ErrorResponseGuardOptions {
  maxBytes?: number;
  /** Further secrets to redact, e.g. the secret key (undefined entries are ignored). */
  secrets?: readonly (string | undefined)[];
}

export function guardErrorResponses(
  fetchImpl: typeof fetch,
  options: ErrorResponseGuardOptions = {},
): typeof fetch {
  const maxBytes = options.maxBytes ?? MAX_ERROR_BODY_BYTES;
  const fixedSecrets = (options.secrets ?? []).filter(
    (s): s is string => typeof s === "string" && s.length >= 4,
  );
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    if (response.ok) return response;
    const sent = input instanceof Request ? input.headers : new Headers(init?.headers);
    const secrets = [...fixedSecrets];
    for (const name of SECRET_HEADERS) {
      const value = sent.get(name);
      if (value && value.length >= 4) secrets.push(value);
    }
    const redact = (text: string) =>
      secrets.reduce((out, secret) => out.split(secret).join("[REDACTED]"), text);
    const headers = new Headers();
    response.headers.forEach((value, name) => {
      if (name !== "content-length" && name !== "content-encoding") headers.set(name, redact(value));
    });
    const body = response.body ? redact(await readAtMost(response.body, maxBytes)) : null;
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  };
}

async function readAtMost(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  while (size < maxBytes) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    const take = value.subarray(0, maxBytes - size);
    size += take.byteLength;
    text += decoder.decode(take, { stream: true });
  }
  await reader.cancel().catch(() => {});
  return text + decoder.decode();
}
