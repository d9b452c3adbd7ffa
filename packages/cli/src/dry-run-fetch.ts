// --dry-run: the clients run as usual (they check the names, the platform, the URN and its project, and
// find the credentials), but their `fetch` is this one, which sends nothing. It records each request's
// method and URL and answers like an empty success: 204 to a DELETE, an empty action list to a GET.

export interface PlannedRequest {
  method: string;
  url: string;
}

export function dryRunFetch(planned: PlannedRequest[]): typeof fetch {
  return async (input, init) => {
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    const url = input instanceof Request ? input.url : String(input);
    planned.push({ method, url });
    if (method === "GET") return Response.json({ content: { actions: [] } });
    return new Response(null, { status: 204 });
  };
}
