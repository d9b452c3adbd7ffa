// A tiny in-memory NCF behind an injected `fetch`, for the operations' tests: packages with actions, the
// documented answers, and a hook to script extra behaviour (a transient error, an action created meanwhile).

export interface FakeNcf {
  fetch: typeof fetch;
  packages: Map<string, Set<string>>;
  /** Every request as "METHOD /path?query". */
  log: string[];
  /** Runs before the state is consulted; a Response it returns is sent instead. */
  before?: (method: string, path: string) => Response | undefined;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const error = (status: number, errorCode: string, message: string) =>
  json(status, { error: { errorCode, message } });

export function fakeNcf(initial: Record<string, string[]>): FakeNcf {
  const fake: FakeNcf = {
    packages: new Map(Object.entries(initial).map(([name, actions]) => [name, new Set(actions)])),
    log: [],
    fetch: async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const method = init?.method ?? "GET";
      const path = url.pathname.replace(/^\/ncf\/api\/v2/, "");
      fake.log.push(`${method} ${path}${url.search}`);
      const scripted = fake.before?.(method, path);
      if (scripted) return scripted;
      const [, , pkg, sub, action] = path.split("/").map(decodeURIComponent);
      const actions = pkg === undefined ? undefined : fake.packages.get(pkg);
      if (!actions) return error(404, "80101", "PACKAGE_NOT_FOUND");
      if (method === "GET" && sub === undefined) {
        return json(200, { content: { name: pkg, platform: "vpc", actions: [...actions] } });
      }
      if (method === "GET" && sub === "actions") {
        return json(200, { content: { actions: [...actions].map((name) => ({ name, type: "basic" })) } });
      }
      if (method === "DELETE" && sub === "actions" && action !== undefined) {
        if (!actions.delete(action)) return error(404, "80301", "ACTION_NOT_FOUND");
        return new Response(null, { status: 204 });
      }
      if (method === "DELETE" && sub === undefined && pkg !== undefined) {
        if (actions.size > 0) return error(409, "80109", "PACKAGE_NOT_EMPTY");
        fake.packages.delete(pkg);
        return new Response(null, { status: 204 });
      }
      return error(404, "300", "Not Found Exception");
    },
  };
  return fake;
}
