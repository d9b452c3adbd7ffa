import type { SignableRequest } from "@fnapi/auth";

// The copy of a request each attempt authenticates and sends. An undici `Request` is costly to make (it
// copies the headers, parses the URL and creates its own AbortController, and `fetch` makes another one from
// it); an attempt only needs the URL, method, its own headers and the body bytes read once per call.

export class AttemptRequest implements SignableRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: ArrayBuffer | null;
  constructor(url: string, method: string, headers: Headers, body: ArrayBuffer | null) {
    this.url = url;
    this.method = method;
    this.headers = headers;
    this.body = body;
  }
  clone(): { arrayBuffer(): Promise<ArrayBuffer> } {
    const body = this.body;
    return { arrayBuffer: () => Promise.resolve(body ?? new ArrayBuffer(0)) };
  }
}
