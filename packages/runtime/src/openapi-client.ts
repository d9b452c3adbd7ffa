import createClient, { type Client } from "openapi-fetch";
import { copyResponse, readBounded } from "./answers.js";
import { runAttempts } from "./attempts.js";
import type { ClientCore } from "./client-core.js";
import { bodyFailure, exchange, startCall } from "./exchange.js";
import type { OutgoingRequest } from "./request-url.js";

// The typed openapi-fetch client for any operation of a spec, through the same attempts as the operations:
// the client's retry strategy, its auth scheme, its `prepare` rule (NCF zones), redirects refused, bodies
// bounded, secrets redacted. It lives in its own entry (`@fnapi/runtime/openapi`) so that only its users load
// openapi-fetch. openapi-fetch builds the request (with the client's path encoder, so the typed client and the
// operations put the same bytes on the wire); its answer is a copy whose body is bounded (2xx) or bounded and
// redacted (an error), and whose headers are redacted either way.

/** An openapi-fetch client for `Paths` whose every request is sent with `core`'s settings. */
export function createOpenapiClient<Paths extends {}>(core: ClientCore): Client<Paths> {
  return createClient<Paths>({
    baseUrl: core.baseUrl,
    ...(core.headers ? { headers: core.headers } : {}),
    ...(core.encodePath ? { pathSerializer: pathSerializerOf(core.encodePath) } : {}),
    fetch: (request: Request) => sendTyped(core, request),
  });
}

const pathSerializerOf =
  (encode: (value: string) => string) => (pathname: string, params: Record<string, unknown>) =>
    pathname.replace(/\{([^}]+)\}/g, (whole, name: string) =>
      params[name] === undefined || params[name] === null ? whole : encode(String(params[name])),
    );

/** One request openapi-fetch built, sent with the client's attempts. Resolves to a safe copy of the answer. */
async function sendTyped(core: ClientCore, built: Request): Promise<Response> {
  const headers: Record<string, string> = {};
  built.headers.forEach((value, name) => {
    headers[name] = value;
  });
  // The body is read once (a small JSON document) and sent as text: browsers stream uploads over HTTP/2 only.
  const request: OutgoingRequest = {
    method: built.method,
    url: built.url,
    headers,
    body: built.body === null ? null : await built.text(),
  };
  const call = startCall(core, request);
  return runAttempts<Response>(
    { retry: core.retry, signal: built.signal, site: call.site, idempotent: call.idempotent },
    async (attempt) => {
      const exchanged = await exchange(call, attempt);
      if (!exchanged.ok) {
        const { answer, outcome } = exchanged;
        // When this is the last attempt, openapi-fetch gets the bounded, redacted error answer.
        return answer
          ? { ...outcome, giveUp: () => copyResponse(answer.response, answer.text, answer.redact) }
          : outcome;
      }
      const { response, log, redact } = exchanged;
      log({ status: response.status });
      try {
        const text =
          response.body === null || response.status === 204
            ? ""
            : await readBounded(response, call.site, attempt.number);
        return { done: true, value: copyResponse(response, text, redact()) };
      } catch (error) {
        return bodyFailure(call, error, attempt, redact);
      }
    },
  );
}
