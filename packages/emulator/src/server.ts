import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApiModule, StateOf } from "./apis/api-module.js";
import { genericModule } from "./apis/generic.js";
import { API_MODULES } from "./apis/index.js";
import type { ReceivedRequest } from "./auth-common.js";
import { handleControl } from "./control-api.js";
import { guardControl } from "./control-guard.js";
import type { Emulator, EmulatorOptions } from "./emulator-types.js";
import { FaultTable } from "./faults.js";
import { headersOf, readBody, send } from "./http.js";
import { credentialOf } from "./inspector/credential.js";
import { WatchedRequestLog } from "./inspector/live.js";
import { isInspectorPath, packageVersion, serveInspector } from "./inspector/routes.js";
import type { AnyState } from "./inspector/state-access.js";
import { createPipeline } from "./pipeline.js";
import { formatLogLine, type RequestRecord } from "./request-log.js";
import { createRouter } from "./router.js";
import { operationsOf, readBundledSpecs } from "./spec-catalog.js";
import { seedRules } from "./state-rules.js";
import { openStateStore } from "./state-store.js";

export type { Emulator, EmulatorOptions } from "./emulator-types.js";

export function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulatorWith(API_MODULES, options);
}

/** The emulator with other cloud modules than the built-in ones (not exported by the package: for tests of a new module). */
export async function startEmulatorWith<const Modules extends readonly ApiModule[]>(
  moduleList: Modules,
  options: EmulatorOptions<StateOf<Modules>>,
): Promise<Emulator<StateOf<Modules>>> {
  type State = StateOf<Modules>;
  const clock = options.clock ?? Date.now;
  const host = options.host ?? "127.0.0.1";
  const specs = readBundledSpecs(options.specsDir);
  const operations = specs.flatMap(operationsOf);
  const modules = new Map(moduleList.map((m) => [m.api, m]));
  for (const op of operations) if (!modules.has(op.api)) modules.set(op.api, genericModule(op.api));
  const fallback = moduleList.find((m) => m.answersUnknownPaths) ?? genericModule("unknown");
  const moduleOf = (api: string | undefined): ApiModule =>
    api === undefined ? fallback : (modules.get(api) ?? genericModule(api));
  const router = createRouter(
    operations,
    Object.fromEntries([...modules].map(([api, m]) => [api, m.extraPrefixes ?? []])),
  );
  const store = openStateStore({ ...options, rules: seedRules<State>(specs, moduleList) });
  const log = new WatchedRequestLog();
  // The inspector reads the sections of the registry's modules, each only when its module is in this emulator.
  const inspected = (): AnyState => store.current() as AnyState;
  const faults = new FaultTable();
  const serve = createPipeline({
    router,
    moduleOf,
    store,
    faults,
    verify: (options.auth ?? "verify") === "verify",
  });
  const core = {
    store,
    log,
    faults,
    operationIds: new Set(operations.map((o) => o.operationId)),
    reset() {
      store.reset();
      log.clear();
      faults.clear();
    },
    operations: () =>
      operations.map(({ operationId, method, path, api }) => ({
        operationId,
        method,
        path,
        api,
        handled: operationId in moduleOf(api).handlers,
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
    const headers = headersOf(req);
    const when = () => new Date(clock()).toISOString();
    try {
      const { body, tooLarge } = await readBody(req);
      if (rawPath === "/_emulator" || rawPath.startsWith("/_emulator/")) {
        const path = rawPath.slice("/_emulator".length) || "/";
        if (isInspectorPath(path)) {
          const gone = new AbortController();
          res.once("close", () => gone.abort());
          const query = new URLSearchParams(rawQuery);
          const inspector = { log, state: inspected, host, controlToken: options.controlToken };
          const status = await serveInspector(
            { method, path, query, headers, body },
            res,
            { ...inspector, version: packageVersion() },
            gone.signal,
          );
          options.log?.(`${when()} ${method} ${rawPath.slice(0, 200)} ${status} control`);
          return;
        }
        const answer =
          guardControl({ method, path, headers, body }, { host, controlToken: options.controlToken }) ??
          handleControl({ method, path, query: new URLSearchParams(rawQuery), body, tooLarge }, core);
        send(res, requestId, clock(), answer);
        options.log?.(`${when()} ${method} ${rawPath.slice(0, 200)} ${answer.status} control`);
        return;
      }
      const received: ReceivedRequest = { method, target, rawPath, rawQuery, headers, body };
      const now = clock();
      const served = serve(received, tooLarge, requestId, now);
      const { answer, outcome, explain } = served instanceof Promise ? await served : served;
      if (answer === "drop") req.socket.destroy();
      else send(res, requestId, clock(), answer);
      const durationMs = performance.now() - started;
      const record: Omit<RequestRecord, "seq"> = {
        time: when(),
        method,
        path: rawPath,
        ...outcome,
        requestId,
      };
      // what the inspector shows: the query, the time taken, the credential named and why auth failed
      if (rawQuery !== "") record.query = rawQuery;
      record.durationMs = Math.round(durationMs * 10) / 10;
      const credential = credentialOf(headers);
      if (credential !== undefined) record.credential = credential;
      if (explain) record.explanation = explain();
      log.add(record);
      options.log?.(formatLogLine(record as RequestRecord, durationMs));
    } catch (error) {
      // Never a crash: an unexpected error is a 500 in the error shape of the API the path belongs to.
      options.log?.(
        `${when()} ${method} ${rawPath.slice(0, 200)} 500 internal error: ${(error as Error).stack}`,
      );
      const module = moduleOf(router.apiFor(rawPath));
      const failure = module.internalError("The emulator failed; see its log.");
      if (!res.headersSent)
        send(res, requestId, clock(), { status: 500, body: module.errorBody(failure, requestId) });
      else res.destroy();
    }
  });
  // An idle keep-alive connection is closed by the server after keepAliveTimeout, and a client that reuses it
  // at that moment gets a reset (undici: UND_ERR_SOCKET) for a request that never arrived. Node's 5 s makes
  // that race likely on a loaded machine (timers late on both sides); at 65 s, as load balancers use, a
  // client's own idle limit (undici: 4 s, or the server's hint less 1 s) ends the connection first.
  server.keepAliveTimeout = 65_000;
  server.on("clientError", (_error, socket) => {
    const date = new Date(clock()).toUTCString();
    if (!socket.writable) return socket.destroy();
    socket.end(`HTTP/1.1 400 Bad Request\r\nDate: ${date}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });

  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 4010, host, () => {
        server.off("error", reject);
        resolveListen();
      });
    });
  } catch (error) {
    store.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    reset: core.reset,
    state: () => structuredClone(store.current()),
    setState: (next) => store.replace(next),
    snapshot: (name) => store.snapshot(name),
    restore: (name) => store.restore(name),
    requests: () => log.list(),
    operations: core.operations,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        store.close();
        server.close((error) => (error ? reject(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}
