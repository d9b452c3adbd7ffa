import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { API_MODULES, type ApiModule, type HandlerResult } from "./apis/index.js";
import { authenticate, type ReceivedRequest } from "./authenticate.js";
import { handleControl } from "./control-api.js";
import { type ApiFailure, errorBody, reasonPhrase } from "./error-body.js";
import { type Fault, FaultTable } from "./faults.js";
import { brokenRule } from "./param-rules.js";
import { formatLogLine, RequestLog, type RequestRecord } from "./request-log.js";
import { createRouter } from "./router.js";
import { DEFAULT_SEED_RULES, type EmulatorState, parseSeed, type Seed, type SeedRules } from "./seed.js";
import {
  type ErrorShape,
  type OperationSpec,
  operationsOf,
  readBundledSpecs,
  resolve,
  type SpecDocument,
} from "./spec-catalog.js";
import { readStateFile, writeStateFile } from "./state-file.js";

export interface EmulatorOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The initial state (checked: a malformed seed throws a SeedError naming the field). Default: empty. */
  seed?: Seed;
  /** `verify` (default) checks every signature and token; `off` accepts any credentials. */
  auth?: "verify" | "off";
  /** Load the state from this file when it exists, and write it there atomically after every change. */
  statePath?: string;
  /** The emulator's time in epoch milliseconds (signature windows, token expiry, the `Date` header). */
  clock?: () => number;
  /** One line per API request (the CLI passes stderr). Default: nothing is logged. */
  log?: (line: string) => void;
  /** Where the bundled specs are. Default: `@fnapi/specs`' `dist/`. */
  specsDir?: string;
}

export interface Emulator {
  /** `http://127.0.0.1:<port>`: NCF under `/ncf/api/v2` (and `/api/v2`), FunctionGraph under `/v2`, IAM under `/v3`. */
  readonly url: string;
  /** Back to the seed; the request log and faults are cleared. */
  reset(): void;
  /** A copy of the current state, in the seed's shape. */
  state(): EmulatorState;
  /** Replaces the state (checked like a seed). */
  setState(state: Seed): void;
  /** The request log, oldest first. */
  requests(): RequestRecord[];
  /** The operations served, from the specs, and whether each has a handler. */
  operations(): {
    operationId: string;
    method: string;
    path: string;
    api: string;
    handled: boolean;
  }[];
  close(): Promise<void>;
}

const BODY_LIMIT = 1024 * 1024;

function seedRulesFrom(specs: SpecDocument[]): SeedRules {
  const rules = { ...DEFAULT_SEED_RULES };
  for (const { document } of specs) {
    const schemas = resolve(document, resolve(document, document.components).schemas);
    const pattern = (name: string) => {
      const p = resolve(document, schemas[name]).pattern;
      return typeof p === "string" ? new RegExp(p, "u") : undefined;
    };
    rules.packageName = pattern("PackageName") ?? rules.packageName;
    rules.projectId = pattern("ProjectId") ?? rules.projectId;
  }
  return rules;
}

/** For an API that has a spec but no module yet: generic answers in its error shape. */
function genericModule(api: string): ApiModule {
  const f = (status: number, details?: string): ApiFailure => ({
    status,
    code: String(status),
    message: reasonPhrase(status),
    ...(details ? { details } : {}),
  });
  return {
    api,
    handlers: {},
    badParameter: (_op, name, rule) => f(400, `${name} ${rule}`),
    notFound: () => f(404),
    forbidden: () => f(403),
    payloadTooLarge: () => f(413),
    faultCode: String,
  };
}

function readBody(req: IncomingMessage): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolveBody({ body: Buffer.concat(chunks), tooLarge }));
    req.on("error", reject);
  });
}

function headersOf(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const clock = options.clock ?? Date.now;
  const verify = (options.auth ?? "verify") === "verify";
  const log = options.log;
  const specs = readBundledSpecs(options.specsDir);
  const rules = seedRulesFrom(specs);
  const operations = specs.flatMap(operationsOf);
  const modules: Record<string, ApiModule> = {};
  for (const op of operations) modules[op.api] ??= API_MODULES[op.api] ?? genericModule(op.api);
  const extraPrefixes = Object.fromEntries(Object.values(modules).map((m) => [m.api, m.extraPrefixes ?? []]));
  const router = createRouter(operations, extraPrefixes);
  const shapes = new Map(operations.map((op) => [op.api, op.errorShape]));

  const seed = parseSeed(options.seed ?? {}, rules);
  const persisted = options.statePath ? readStateFile(options.statePath, rules) : undefined;
  let state: EmulatorState = structuredClone(persisted ?? seed);
  const persist = () => {
    if (options.statePath) writeStateFile(options.statePath, state);
  };
  if (options.statePath && !persisted) persist();

  const requestLog = new RequestLog();
  const faults = new FaultTable();

  function send(
    res: ServerResponse,
    requestId: string,
    status: number,
    body?: unknown,
    headers: Record<string, string> = {},
  ): void {
    const payload = body === undefined || status === 204 ? undefined : JSON.stringify(body);
    res.writeHead(status, {
      Date: new Date(clock()).toUTCString(),
      "X-Request-Id": requestId,
      "Content-Length": String(payload === undefined ? 0 : Buffer.byteLength(payload)),
      ...(payload === undefined ? {} : { "Content-Type": "application/json" }),
      ...headers,
    });
    res.end(payload);
  }

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    received: ReceivedRequest,
    bodyTooLarge: boolean,
    requestId: string,
  ): Promise<Omit<RequestRecord, "time" | "method" | "path" | "requestId">> {
    const now = clock();
    const match = router.match(received.method, received.rawPath);
    const fail = (shape: ErrorShape, failure: ApiFailure, headers?: Record<string, string>) => {
      send(res, requestId, failure.status, errorBody(shape, failure, requestId), headers);
      return failure;
    };
    if (match.kind === "not-found") {
      const api = match.api ?? "fgs";
      const failure = fail(shapes.get(api) ?? "huawei", (modules[api] ?? genericModule(api)).notFound());
      return { operation: null, status: failure.status, code: failure.code, authPassed: null };
    }
    const { op, prefix } = match.route;
    const module = modules[op.api] as ApiModule;
    const answer = (failure: ApiFailure, extra: Partial<RequestRecord> = {}) => {
      fail(op.errorShape, failure);
      return {
        operation: op.operationId,
        status: failure.status,
        code: failure.code,
        authPassed: null,
        ...extra,
      };
    };
    if (bodyTooLarge) return answer(module.payloadTooLarge());

    const path: Record<string, string> = {};
    for (const [name, raw] of Object.entries(match.rawParams)) {
      try {
        path[name] = decodeURIComponent(raw);
      } catch {
        return answer(module.badParameter(op, name, "is not valid percent-encoding"));
      }
    }

    const auth = authenticate(received, op.security, { state, now, projectId: path.project_id }, verify);
    if (!auth.ok) {
      fail(auth.shape, auth.failure);
      return {
        operation: op.operationId,
        status: auth.failure.status,
        code: auth.failure.code,
        authPassed: false,
        authReason: auth.reason,
        ...(auth.debug ? { signatureDebug: auth.debug } : {}),
      };
    }
    const authDone = {
      authPassed: true,
      ...(op.security.length === 0
        ? { authReason: "no authentication" }
        : verify
          ? {}
          : { authReason: "auth off" }),
    };

    // Parameter rules of the spec (header parameters are left to the gateway checks above).
    const query: Record<string, string> = {};
    const search = new URLSearchParams(received.rawQuery);
    for (const rule of op.parameters) {
      if (rule.in === "path") {
        const broken = brokenRule(path[rule.name] ?? "", rule.schema);
        if (broken) return answer(module.badParameter(op, rule.name, broken), authDone);
      } else if (rule.in === "query") {
        const values = search.getAll(rule.name);
        if (values.length > 1)
          return answer(module.badParameter(op, rule.name, "must be given once"), authDone);
        const value = values[0];
        if (value === undefined) {
          if (rule.required) return answer(module.badParameter(op, rule.name, "is required"), authDone);
          continue;
        }
        const broken = brokenRule(value, rule.schema);
        if (broken) return answer(module.badParameter(op, rule.name, broken), authDone);
        query[rule.name] = value;
      }
    }

    if (auth.principal.deny.includes(op.operationId)) return answer(module.forbidden(op), authDone);

    const fault: Fault | undefined = faults.take(op.operationId);
    if (fault) {
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault.reset) {
        req.socket.destroy();
        return { operation: op.operationId, status: 0, code: null, ...authDone, fault: fault.id };
      }
      if (fault.status !== undefined) {
        const failure: ApiFailure = {
          status: fault.status,
          code: fault.code ?? module.faultCode(fault.status),
          message: fault.message ?? reasonPhrase(fault.status),
          details: `Injected fault #${fault.id}`,
        };
        if (fault.status < 300) send(res, requestId, fault.status);
        else fail(op.errorShape, failure);
        return {
          operation: op.operationId,
          status: fault.status,
          code: fault.status < 300 ? null : failure.code,
          ...authDone,
          fault: fault.id,
        };
      }
    }

    const handler = module.handlers[op.operationId];
    if (!handler) {
      return answer(
        {
          status: 501,
          code: "501",
          message: "Not Implemented",
          details: `The emulator has no handler for ${op.operationId}.`,
        },
        authDone,
      );
    }
    const result: HandlerResult = handler({
      op,
      prefix,
      state,
      path,
      query,
      body: received.body,
      now,
      principal: auth.principal,
    });
    if (result.changed) persist();
    if (result.failure) {
      fail(op.errorShape, result.failure, result.headers);
      return { operation: op.operationId, status: result.status, code: result.failure.code, ...authDone };
    }
    send(res, requestId, result.status, result.body, result.headers);
    return { operation: op.operationId, status: result.status, code: null, ...authDone };
  }

  const emulatorCore = {
    reset() {
      state = structuredClone(seed);
      requestLog.clear();
      faults.clear();
      persist();
    },
    state: () => structuredClone(state),
    setState(next: Seed) {
      state = parseSeed(next, rules);
      persist();
    },
    requests: () => requestLog.list(),
    operations: () =>
      operations.map((op: OperationSpec) => ({
        operationId: op.operationId,
        method: op.method,
        path: op.path,
        api: op.api,
        handled: op.operationId in (modules[op.api]?.handlers ?? {}),
      })),
  };

  const server = createServer(async (req, res) => {
    const started = performance.now();
    const requestId = randomUUID().replaceAll("-", "");
    const target = req.url ?? "/";
    const q = target.indexOf("?");
    const rawPath = q === -1 ? target : target.slice(0, q);
    const rawQuery = q === -1 ? "" : target.slice(q + 1);
    const method = req.method ?? "GET";
    try {
      const { body, tooLarge } = await readBody(req);
      if (rawPath === "/_emulator" || rawPath.startsWith("/_emulator/")) {
        const answer = handleControl(
          { method, path: rawPath.slice("/_emulator".length) || "/", body, tooLarge },
          { ...emulatorCore, faults, operationIds: new Set(operations.map((o) => o.operationId)) },
        );
        send(res, requestId, answer.status, answer.body);
        log?.(`${new Date(clock()).toISOString()} ${method} ${rawPath} ${answer.status} control`);
        return;
      }
      const received: ReceivedRequest = {
        method,
        target,
        rawPath,
        rawQuery,
        headers: headersOf(req),
        body,
      };
      const outcome = await handleApi(req, res, received, tooLarge, requestId);
      const record: RequestRecord = {
        time: new Date(clock()).toISOString(),
        method,
        path: rawPath,
        ...outcome,
        requestId,
      };
      requestLog.add(record);
      log?.(formatLogLine(record, performance.now() - started));
    } catch (error) {
      // Never a crash: an unexpected error is a 500 in NCP's gateway shape, and the message goes to the log.
      log?.(
        `${new Date(clock()).toISOString()} ${method} ${rawPath} 500 internal error: ${(error as Error).stack}`,
      );
      if (!res.headersSent) {
        send(res, requestId, 500, {
          error: {
            errorCode: "900",
            message: "Unexpected Error",
            details: "The emulator failed; see its log.",
          },
        });
      } else res.destroy();
    }
  });
  server.on("clientError", (_error, socket) => {
    const date = new Date(clock()).toUTCString();
    if (socket.writable)
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nDate: ${date}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
    else socket.destroy();
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off("error", reject);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    ...emulatorCore,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.close((error) => (error ? reject(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}
