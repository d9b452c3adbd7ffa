// The request object `run` builds each attempt with (openapi-fetch's documented `Request` option). An undici
// `Request` is costly to make: it copies the headers, parses the URL and creates its own AbortController,
// and `fetch` then makes another one from it. Each attempt only needs the URL, method, headers and body to
// authenticate and send it, so this carries just those. Auth schemes see it as a `Request`: they may use
// `url`, `method`, `headers`, `body`, `signal`, `clone()` and `arrayBuffer()`.

const encoder = new TextEncoder();

export class AttemptRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: BodyInit | null;
  readonly signal: AbortSignal | undefined;
  constructor(url: string | URL, init: RequestInit = {}) {
    this.url = String(url);
    this.method = (init.method ?? "GET").toUpperCase();
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.body = init.body ?? null;
    this.signal = init.signal ?? undefined;
  }
  clone(): AttemptRequest {
    return new AttemptRequest(this.url, {
      method: this.method,
      headers: new Headers(this.headers),
      body: this.body,
      ...(this.signal ? { signal: this.signal } : {}),
    });
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    if (this.body === null) return new ArrayBuffer(0);
    if (typeof this.body === "string") return encoder.encode(this.body).buffer as ArrayBuffer;
    return new Response(this.body).arrayBuffer();
  }
}
