import type { SignableRequest } from "@fnapi/auth";

// The copy of a request each attempt authenticates and sends. An undici `Request` is costly to make (it
// copies the headers, parses the URL and creates its own AbortController, and `fetch` makes another one from
// it); an attempt only needs the URL, method, its own headers and the body bytes read once per call.

export interface AttemptRequest extends SignableRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: ArrayBuffer | null;
  clone(): { arrayBuffer(): Promise<ArrayBuffer> };
}

/** A light copy of a request for one attempt (a plain object: no class, no undici `Request`). */
export function attemptRequest(
  url: string,
  method: string,
  headers: Headers,
  body: ArrayBuffer | null,
): AttemptRequest {
  return {
    url,
    method,
    headers,
    body,
    clone: () => ({ arrayBuffer: () => Promise.resolve(body ?? new ArrayBuffer(0)) }),
  };
}
