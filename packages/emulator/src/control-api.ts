import { parse as parseYaml } from "yaml";
import { type FaultSpecError, type FaultTable, parseFault } from "./faults.js";
import type { Answer } from "./http.js";
import type { RequestLog, RequestQuery } from "./request-log.js";
import { SeedError } from "./seed-fields.js";
import { SnapshotError, type StateStore, StateWriteError } from "./state-store.js";

// The control API under /_emulator/, plain HTTP and JSON so any language can drive it (behind control-guard):
//   GET  /_emulator/                              what is served (operations, whether each has a handler)
//   POST /_emulator/reset                         back to the state loaded at start; log and faults cleared
//   GET  /_emulator/state                         the state, in the seed's shape
//   PUT  /_emulator/state                         replace the state (JSON or YAML, checked like a seed)
//   GET  /_emulator/requests?after=&limit=&operation=&status=   the request log, a page at a time
//   GET  /_emulator/faults   POST (add one)   DELETE (clear them)   DELETE /_emulator/faults/{id} (one)
//   (the inspector page and its data, /_emulator/ui and /_emulator/inspector/*: inspector/routes.ts)
//   GET  /_emulator/snapshots                     the snapshot names
//   POST /_emulator/snapshots/{name}              save the current state under a name
//   POST /_emulator/snapshots/{name}/restore      make it the state again   DELETE /_emulator/snapshots/{name}

export interface ControlCore {
  store: StateStore;
  log: RequestLog;
  faults: FaultTable;
  /** Also clears the request log and the faults. */
  reset(): void;
  operations(): unknown[];
  operationIds: ReadonlySet<string>;
}

export interface ControlRequest {
  method: string;
  /** The path below /_emulator (`/state`). */
  path: string;
  query: URLSearchParams;
  body: Buffer;
  tooLarge: boolean;
}

const invalid = (field: string, rule: string): Answer => ({
  status: 400,
  body: { error: { field, rule, message: `${field}: ${rule}` } },
});

function parseBody(body: Buffer): { value: unknown } | { error: string } {
  try {
    return { value: parseYaml(body.toString("utf8")) ?? {} };
  } catch (error) {
    return { error: (error as Error).message.split("\n")[0] ?? "unreadable" };
  }
}

function pageQuery(query: URLSearchParams): RequestQuery | Answer {
  const result: RequestQuery = {};
  for (const key of ["after", "limit", "status"] as const) {
    const value = query.get(key);
    if (value === null) continue;
    if (!/^\d{1,9}$/.test(value) || (key === "limit" && Number(value) < 1)) {
      return invalid(key, `must be a whole number${key === "limit" ? " from 1" : ""}`);
    }
    result[key] = Number(value);
  }
  const operation = query.get("operation");
  if (operation !== null) result.operation = operation;
  return result;
}

type Route = [
  method: string,
  path: RegExp,
  run: (core: ControlCore, r: ControlRequest, name: string) => Answer,
];

const ROUTES: Route[] = [
  ["GET", /^\/$/, (core) => ({ status: 200, body: { operations: core.operations(), endpoints: ENDPOINTS } })],
  [
    "POST",
    /^\/reset$/,
    (core) => {
      core.reset();
      return { status: 204 };
    },
  ],
  ["GET", /^\/state$/, (core) => ({ status: 200, body: core.store.current() })],
  [
    "PUT",
    /^\/state$/,
    (core, r) => {
      const parsed = parseBody(r.body);
      if ("error" in parsed) return invalid("(body)", `must be JSON or YAML: ${parsed.error}`);
      core.store.replace(parsed.value as object);
      return { status: 200, body: core.store.current() };
    },
  ],
  [
    "GET",
    /^\/requests$/,
    (core, r) => {
      const query = pageQuery(r.query);
      if ("status" in query && "body" in query) return query as Answer;
      const { records, more } = core.log.page(query as RequestQuery);
      const last = records.at(-1);
      return {
        status: 200,
        body: records,
        ...(more && last ? { headers: { "X-Next-After": String(last.seq) } } : {}),
      };
    },
  ],
  ["GET", /^\/faults$/, (core) => ({ status: 200, body: core.faults.list() })],
  [
    "POST",
    /^\/faults$/,
    (core, r) => {
      const parsed = parseBody(r.body);
      if ("error" in parsed) return invalid("(body)", `must be JSON: ${parsed.error}`);
      return { status: 201, body: core.faults.add(parseFault(parsed.value, core.operationIds)) };
    },
  ],
  [
    "DELETE",
    /^\/faults$/,
    (core) => {
      core.faults.clear();
      return { status: 204 };
    },
  ],
  [
    "DELETE",
    /^\/faults\/([^/]+)$/,
    (core, _r, id) =>
      /^\d{1,9}$/.test(id) && core.faults.remove(Number(id))
        ? { status: 204 }
        : { status: 404, body: { error: { message: `no fault rule #${id.slice(0, 20)}` } } },
  ],
  ["GET", /^\/snapshots$/, (core) => ({ status: 200, body: core.store.snapshots() })],
  [
    "POST",
    /^\/snapshots\/([^/]+)$/,
    (core, _r, name) => {
      core.store.snapshot(name);
      return { status: 201, body: { name } };
    },
  ],
  [
    "POST",
    /^\/snapshots\/([^/]+)\/restore$/,
    (core, _r, name) => {
      core.store.restore(name);
      return { status: 200, body: core.store.current() };
    },
  ],
  [
    "DELETE",
    /^\/snapshots\/([^/]+)$/,
    (core, _r, name) =>
      core.store.deleteSnapshot(name)
        ? { status: 204 }
        : invalid("name", `no snapshot is named ${JSON.stringify(name)}`),
  ],
];

const ENDPOINTS = ROUTES.map(
  ([method, path]) =>
    `${method} /_emulator${path.source
      .slice(1, -1)
      .replaceAll("\\/", "/")
      .replace("([^/]+)", path.source.includes("faults") ? "{id}" : "{name}")}`,
);

export function handleControl(request: ControlRequest, core: ControlCore): Answer {
  const routes = ROUTES.filter(([, path]) => path.test(request.path));
  if (routes.length === 0) {
    return {
      status: 404,
      body: { error: { message: `no control endpoint ${request.path.slice(0, 200)}`, endpoints: ENDPOINTS } },
    };
  }
  const route = routes.find(([method]) => method === request.method);
  if (!route) {
    const allowed = routes.map(([method]) => method).join(" or ");
    return {
      status: 405,
      body: { error: { message: `${request.method} is not allowed here; use ${allowed}` } },
    };
  }
  if (request.tooLarge) return invalid("(body)", "must be at most 1 MiB");
  let name = "";
  try {
    name = decodeURIComponent(route[1].exec(request.path)?.[1] ?? "");
  } catch {
    return invalid("name", "is not valid percent-encoding");
  }
  try {
    return route[2](core, request, name);
  } catch (error) {
    if (error instanceof SeedError) return invalid(error.field, error.rule);
    if (error instanceof SnapshotError)
      return error.missing
        ? { status: 404, body: { error: { message: error.message } } }
        : invalid("name", error.rule);
    if ((error as FaultSpecError).name === "FaultSpecError")
      return invalid((error as FaultSpecError).field, (error as FaultSpecError).rule);
    if (error instanceof StateWriteError) return { status: 500, body: { error: { message: error.message } } };
    throw error;
  }
}
