import { ANONYMOUS } from "../auth-common.js";
import { type ApiFailure, reasonPhrase } from "../error-body.js";
import type { ApiModule } from "./api-module.js";

/** For an API that has a spec but no module yet: routed, generic answers (`{code, message}`), no state. */
export function genericModule(api: string): ApiModule {
  const f = (status: number, details?: string): ApiFailure => ({
    status,
    code: String(status),
    message: reasonPhrase(status),
    ...(details ? { details } : {}),
  });
  return {
    api,
    section: api,
    fields: {},
    handlers: {},
    authenticate: () => ({ ok: false, reason: "no module for this API", failure: f(401) }),
    claimed: () => ANONYMOUS,
    errorBody: (failure) => ({ code: failure.code, message: failure.message, details: failure.details }),
    badParameter: (_op, name, rule) => f(400, `${name} ${rule}`),
    notFound: () => f(404),
    forbidden: () => f(403),
    payloadTooLarge: () => f(413),
    internalError: (details) => f(500, details),
    faultCode: String,
  };
}
