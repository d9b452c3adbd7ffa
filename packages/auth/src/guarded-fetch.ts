// Error bodies are read into memory (openapi-fetch reads them whole). A proxy's multi-megabyte HTML page or a
// body that never ends must not take the client down with it, so error bodies are cut at a limit.

export const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** Wraps a fetch so that the body of a non-2xx response is at most `maxBytes` (the rest is cancelled). */
export function boundErrorBodies(fetchImpl: typeof fetch, maxBytes = MAX_ERROR_BODY_BYTES): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    if (response.ok || !response.body) return response;
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    while (size < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
    if (size >= maxBytes) await reader.cancel().catch(() => {});
    const body = new Uint8Array(Math.min(size, maxBytes));
    let offset = 0;
    for (const chunk of chunks) {
      const take = Math.min(chunk.byteLength, body.byteLength - offset);
      body.set(chunk.subarray(0, take), offset);
      offset += take;
    }
    const headers = new Headers(response.headers);
    headers.delete("content-length");
    headers.delete("content-encoding");
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  };
}
