import { createFgsClient, type FgsClient } from "../index.js";

// A FunctionGraph server in a function (the client's injected `fetch`): what the prune tests make hostile.
// Every request is recorded; `route` answers what a test wants, the rest gets the state's defaults.

export const PROJECT = "7aad83af3e8d42e99ac194e8419e2c9b";
export const urn = (name: string, pkg = "default") => `urn:fss:cn-north-4:${PROJECT}:function:${pkg}:${name}`;

export interface FakeRequest {
  method: string;
  /** The decoded path after `/v2/{project}/fgs/functions`: "" for the listing, "/<urn>/versions", … */
  path: string;
  query: URLSearchParams;
}

export interface FakeState {
  functions: { urn: string; name?: string; lastModified?: string }[];
  versions: Record<string, { version: string; lastModified?: string }[]>;
  aliases: Record<string, { name: string; version: string; weights?: Record<string, number> }[]>;
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

export function fakeFgs(
  state: FakeState,
  route?: (request: FakeRequest) => Response | Promise<Response> | undefined,
): { fgs: FgsClient; requests: FakeRequest[]; deletes: () => string[] } {
  const requests: FakeRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const prefix = `/v2/${PROJECT}/fgs/functions`;
    const path = decodeURIComponent(url.pathname.slice(prefix.length));
    const fake = { method: request.method, path, query: url.searchParams };
    requests.push(fake);
    const answer = await route?.(fake);
    if (answer) return answer;
    if (request.method === "DELETE") {
      const target = path.slice(1);
      const fn = target.split(":").slice(0, 7).join(":");
      if (fn === target) state.functions = state.functions.filter((f) => f.urn !== target);
      else state.versions[fn] = (state.versions[fn] ?? []).filter((v) => `${fn}:${v.version}` !== target);
      return new Response(null, { status: 204 });
    }
    if (path === "") {
      const functions = state.functions.map((f) => ({
        func_urn: `${f.urn}:latest`,
        func_name: f.name ?? f.urn.split(":")[6],
        ...(f.lastModified ? { last_modified: f.lastModified } : {}),
      }));
      return json({ functions, count: functions.length, next_marker: functions.length });
    }
    const [, fn, what] = /^\/(.+)\/(versions|aliases)$/.exec(path) ?? [];
    if (what === "versions") {
      const versions = (state.versions[fn as string] ?? []).map((v) => ({
        version: v.version,
        ...(v.lastModified ? { last_modified: v.lastModified } : {}),
      }));
      return json({ versions, count: versions.length, next_marker: versions.length });
    }
    if (what === "aliases") {
      return json(
        (state.aliases[fn as string] ?? []).map((a) => ({
          name: a.name,
          version: a.version,
          ...(a.weights ? { additional_version_weights: a.weights } : {}),
        })),
      );
    }
    return json({ error_code: "FSS.1051", error_msg: "not found" }, 404);
  };
  const fgs = createFgsClient({
    projectId: PROJECT,
    token: "t",
    baseUrl: "http://127.0.0.1:9",
    fetch,
    backoff: { baseMs: 1, maxMs: 5 },
  });
  const deletes = () => requests.filter((r) => r.method === "DELETE").map((r) => r.path.slice(1));
  return { fgs, requests, deletes };
}
