import type { ApiModule, HandlerResult } from "./apis/api-module.js";
import type { AuthRefusal, Principal, ReceivedRequest } from "./auth-common.js";
import { type ApiFailure, reasonPhrase } from "./error-body.js";
import type { FaultTable } from "./faults.js";
import type { Answer } from "./http.js";
import { brokenRule } from "./param-rules.js";
import type { RequestRecord } from "./request-log.js";
import type { Route, Router } from "./router.js";
import { type StateStore, StateWriteError } from "./state-store.js";

// An API request, in stages: route → authenticate → validate → fault → handle → write. Each stage either
// passes what the next needs or stops with the answer; every answer is in the module's own error shape.

export type Outcome = Omit<RequestRecord, "time" | "method" | "path" | "requestId" | "seq">;

export interface Served {
  answer: Answer | "drop";
  outcome: Outcome;
  /** Why authentication refused the request, in words (the refusing module's), built only when asked. */
  explain?: AuthRefusal["explain"];
}

export interface PipelineDeps {
  router: Router;
  /** The module of an API; for a path no API claims (undefined), the one that answers unknown paths. */
  moduleOf(api: string | undefined): ApiModule;
  store: StateStore;
  faults: FaultTable;
  verify: boolean;
}

interface Routed {
  route: Route;
  module: ApiModule;
  path: Record<string, string>;
  /** A path parameter that cannot be decoded. */
  failure?: ApiFailure;
}

export function createPipeline(deps: PipelineDeps) {
  const { router, store, faults } = deps;
  const fail = (
    module: ApiModule,
    failure: ApiFailure,
    requestId: string,
    headers?: Record<string, string>,
  ): Answer => ({
    status: failure.status,
    body: module.errorBody(failure, requestId),
    ...(headers ? { headers } : {}),
  });

  function route(received: ReceivedRequest): Routed | { module: ApiModule; failure: ApiFailure } {
    const match = router.match(received.method, received.rawPath);
    if (match.kind === "not-found") {
      const module = deps.moduleOf(match.api);
      return { module, failure: module.notFound() };
    }
    const module = deps.moduleOf(match.route.op.api);
    const path: Record<string, string> = {};
    for (const [name, raw] of Object.entries(match.rawParams)) {
      try {
        path[name] = decodeURIComponent(raw);
      } catch {
        path[name] = raw;
        const failure = module.badParameter(match.route.op, name, "is not valid percent-encoding");
        return { route: match.route, module, path, failure };
      }
    }
    return { route: match.route, module, path };
  }

  function authenticate({ route, module, path }: Routed, received: ReceivedRequest, now: number) {
    const { security } = route.op;
    if (security.length === 0 || security.some((alternative) => alternative.length === 0)) {
      return {
        ok: true as const,
        principal: { kind: "none", deny: [] } as Principal,
        authReason: "no authentication",
      };
    }
    const state = store.current();
    if (!deps.verify)
      return { ok: true as const, principal: module.claimed(received, state), authReason: "auth off" };
    return module.authenticate(received, { state, now, projectId: path.project_id });
  }

  function validate(
    { route, module, path }: Routed,
    rawQuery: string,
    principal: Principal,
  ): Record<string, string> | ApiFailure {
    const { op } = route;
    const query: Record<string, string> = {};
    const search = new URLSearchParams(rawQuery);
    for (const rule of op.parameters) {
      if (rule.in === "path") {
        const broken = brokenRule(path[rule.name] ?? "", rule.schema);
        if (broken) return module.badParameter(op, rule.name, broken);
      } else if (rule.in === "query") {
        const values = search.getAll(rule.name);
        if (values.length > 1) return module.badParameter(op, rule.name, "must be given once");
        const value = values[0];
        if (value === undefined) {
          if (rule.required) return module.badParameter(op, rule.name, "is required");
          continue;
        }
        const broken = brokenRule(value, rule.schema);
        if (broken) return module.badParameter(op, rule.name, broken);
        query[rule.name] = value;
      }
    }
    if (principal.deny.includes(op.operationId)) return module.forbidden(op);
    return query;
  }

  /** Serves one API request (a promise only for an injected delay); throws only on the emulator's own bugs. */
  return function serve(
    received: ReceivedRequest,
    bodyTooLarge: boolean,
    requestId: string,
    now: number,
  ): Served | Promise<Served> {
    const found = route(received);
    if (!("route" in found)) {
      const { module, failure } = found;
      const outcome = { operation: null, status: failure.status, code: failure.code, authPassed: null };
      return { answer: fail(module, failure, requestId), outcome };
    }
    const routed: Routed = found;
    const {
      module,
      route: { op, prefix },
    } = routed;
    const stop = (failure: ApiFailure, extra: Partial<Outcome> = {}): Served => ({
      answer: fail(module, failure, requestId),
      outcome: {
        operation: op.operationId,
        status: failure.status,
        code: failure.code,
        authPassed: null,
        ...extra,
      },
    });
    if (bodyTooLarge) return stop(module.payloadTooLarge());
    if (routed.failure) return stop(routed.failure);

    const auth = authenticate(routed, received, now);
    if (!auth.ok) {
      const stopped = stop(auth.failure, {
        authPassed: false,
        authReason: auth.reason,
        ...(auth.debug ? { signatureDebug: auth.debug } : {}),
      });
      return auth.explain ? { ...stopped, explain: auth.explain } : stopped;
    }
    const authDone: { authPassed: true; authReason?: string } = { authPassed: true };
    if ("authReason" in auth) authDone.authReason = auth.authReason;

    const query = validate(routed, received.rawQuery, auth.principal);
    if ("status" in query && "code" in query) return stop(query as ApiFailure, authDone);

    const { principal } = auth;
    const fault = faults.take(op.operationId);
    if (fault?.delayMs) return new Promise((wait) => setTimeout(wait, fault.delayMs)).then(() => finish());
    return finish();

    // fault → handle → write
    function finish(): Served {
      const faulted = fault ? { fault: fault.id } : {};
      if (fault?.reset)
        return {
          answer: "drop",
          outcome: { operation: op.operationId, status: 0, code: null, ...authDone, ...faulted },
        };
      if (fault?.status !== undefined) {
        const failure: ApiFailure = {
          status: fault.status,
          code: fault.code ?? module.faultCode(fault.status),
          message: fault.message ?? reasonPhrase(fault.status),
          details: `Injected fault #${fault.id}`,
        };
        const retryAfter =
          fault.retryAfter !== undefined ? { "Retry-After": String(fault.retryAfter) } : undefined;
        const answer =
          fault.status < 300 ? { status: fault.status } : fail(module, failure, requestId, retryAfter);
        const code = fault.status < 300 ? null : failure.code;
        return {
          answer,
          outcome: { operation: op.operationId, status: fault.status, code, ...authDone, ...faulted },
        };
      }

      const handler = module.handlers[op.operationId];
      if (!handler) {
        const details = `The emulator has no handler for ${op.operationId}.`;
        return stop({ status: 501, code: "501", message: "Not Implemented", details }, authDone);
      }
      const state = store.current();
      const path = routed.path;
      const body = received.body;
      const result: HandlerResult = handler({
        op,
        prefix,
        state,
        path,
        query: query as Record<string, string>,
        body,
        now,
        principal,
      });

      // write: the change is applied only once it is durably written.
      if (result.change && !result.failure) {
        try {
          store.commit(result.change);
        } catch (error) {
          if (!(error instanceof StateWriteError)) throw error;
          return stop(module.internalError(error.message), authDone);
        }
      }
      // The hot path: plain assignments, no spreads.
      const outcome: Outcome = {
        operation: op.operationId,
        status: result.status,
        code: null,
        authPassed: true,
      };
      if (authDone.authReason !== undefined) outcome.authReason = authDone.authReason;
      if (fault) outcome.fault = fault.id;
      if (result.failure) {
        outcome.code = result.failure.code;
        return { answer: fail(module, result.failure, requestId, result.headers), outcome };
      }
      const answer: Answer = { status: result.status, body: result.body };
      if (result.headers) answer.headers = result.headers;
      return { answer, outcome };
    }
  };
}
