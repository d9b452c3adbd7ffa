// A fetch that adds Prism's `Prefer` header after signing (it is not part of the API) and records what was
// sent and received, so tests can assert on the wire exchange.

export interface Exchange {
  request: Request;
  response: Response;
}

export function recordingFetch(prefer?: string): { fetch: typeof fetch; exchanges: Exchange[] } {
  const exchanges: Exchange[] = [];
  return {
    exchanges,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      if (prefer) request.headers.set("Prefer", prefer);
      const response = await fetch(request);
      exchanges.push({ request, response: response.clone() });
      return response;
    },
  };
}
