import { readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { guardControl } from "../control-guard.js";
import type { RequestRecord } from "../request-log.js";
import { toHar } from "./har.js";
import { LONG_POLL_MAX_SECONDS, type WatchedRequestLog } from "./live.js";
import { type AnyState, sectionsOf } from "./state-access.js";
import { stateView } from "./state-view.js";

// The inspector's HTTP side, below /_emulator:
//   GET /ui (and its modules /ui/*.js, /ui/app.css, /ui/icon.svg)   the page: static files, no secret in them; behind the
//       control guard's Host and Origin checks, not its token (a browser cannot send a header when it opens a
//       URL): the page reads the token from its URL's fragment and sends it on every data request
//   GET /inspector/state                                  the state view (secrets left out, tokens masked)
//   GET /inspector/requests?after=N&wait=S                the request log after N, waiting up to S seconds
//   GET /inspector/har                                    the request log as HAR
// Every answer carries a strict Content-Security-Policy: the page loads and connects to its own origin only.

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

const FILES: Record<string, { file: string; type: string }> = {
  "/ui": { file: "index.html", type: "text/html; charset=utf-8" },
  "/ui/": { file: "index.html", type: "text/html; charset=utf-8" },
  ...Object.fromEntries(
    ["app", "api", "requests", "state", "controls"].map((name) => [
      `/ui/${name}.js`,
      { file: `${name}.js`, type: "text/javascript; charset=utf-8" },
    ]),
  ),
  "/ui/app.css": { file: "app.css", type: "text/css; charset=utf-8" },
  "/ui/icon.svg": { file: "icon.svg", type: "image/svg+xml" },
};

const cache = new Map<string, Buffer>();
/** The page's files: `ui/` beside this module (src/inspector/ui, copied to dist/ui by the build). */
function asset(file: string): Buffer {
  let body = cache.get(file);
  if (!body) {
    body = readFileSync(new URL(`./ui/${file}`, import.meta.url));
    cache.set(file, body);
  }
  return body;
}

export interface InspectorCore {
  log: WatchedRequestLog;
  state(): AnyState;
  host: string;
  controlToken?: string | undefined;
  version: string;
}

export interface InspectorRequest {
  method: string;
  /** Below /_emulator. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: Buffer;
}

/** Whether `path` (below /_emulator) is the inspector's. */
export const isInspectorPath = (path: string): boolean =>
  path === "/ui" || path.startsWith("/ui/") || path.startsWith("/inspector/");

function write(res: ServerResponse, status: number, type: string, body: Buffer | string, extra = {}) {
  res.writeHead(status, {
    "Content-Type": type,
    "Content-Length": String(Buffer.byteLength(body)),
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "Cross-Origin-Resource-Policy": "same-origin",
    ...extra,
  });
  res.end(body);
}

const json = (res: ServerResponse, status: number, body: unknown, extra = {}) =>
  write(res, status, "application/json", JSON.stringify(body), extra);

/** Answers an inspector request (the page, or its data); the answer's status for the emulator's log line. */
export async function serveInspector(
  request: InspectorRequest,
  res: ServerResponse,
  core: InspectorCore,
  signal: AbortSignal,
): Promise<number> {
  const page = FILES[request.path];
  const refusal = guardControl(request, {
    host: core.host,
    controlToken: page ? undefined : core.controlToken,
  });
  if (refusal) {
    json(res, refusal.status, refusal.body, refusal.headers);
    return refusal.status;
  }
  if (request.method !== "GET" && request.method !== "HEAD") {
    json(
      res,
      405,
      { error: { message: `${request.method} is not allowed here; use GET` } },
      { Allow: "GET" },
    );
    return 405;
  }
  if (page) {
    write(res, 200, page.type, asset(page.file));
    return 200;
  }
  if (request.path === "/inspector/state") {
    json(res, 200, stateView(sectionsOf(core.state()), core.log.list()));
    return 200;
  }
  if (request.path === "/inspector/har") {
    const origin = `http://${request.headers.host ?? "127.0.0.1"}`;
    const har = toHar(core.log.list(), origin, core.version);
    json(res, 200, har, { "Content-Disposition": 'attachment; filename="fnapi-emulator.har"' });
    return 200;
  }
  if (request.path === "/inspector/requests") {
    const after = request.query.get("after") ?? "0";
    const wait = request.query.get("wait") ?? "0";
    if (!/^\d{1,9}$/.test(after) || !/^\d{1,2}$/.test(wait) || Number(wait) > LONG_POLL_MAX_SECONDS) {
      const message = `after must be a whole number and wait 0-${LONG_POLL_MAX_SECONDS} seconds`;
      json(res, 400, { error: { message } });
      return 400;
    }
    await core.log.waitAfter(Number(after), Number(wait) * 1000, signal);
    if (res.destroyed) return 499;
    const { records, more } = core.log.page({ after: Number(after) });
    json(res, 200, { records, more, next: records.at(-1)?.seq ?? Number(after) } satisfies {
      records: RequestRecord[];
      more: boolean;
      next: number;
    });
    return 200;
  }
  json(res, 404, { error: { message: `no inspector endpoint ${request.path.slice(0, 200)}` } });
  return 404;
}

let version: string | undefined;
/** The package's version (for the HAR's creator). */
export function packageVersion(): string {
  if (version === undefined) {
    try {
      const here = new URL(".", import.meta.url);
      const manifest = new URL(
        here.pathname.includes("/src/") ? "../../package.json" : "../package.json",
        here,
      );
      version = String(JSON.parse(readFileSync(manifest, "utf8")).version);
    } catch {
      version = "unknown";
    }
  }
  return version;
}
