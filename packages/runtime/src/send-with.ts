import { runAttempts } from "./attempts.js";
import type { CallPolicy, CallResult } from "./call-result.js";
import type { ClientCore } from "./client-core.js";
import { ApiError, type CallSite } from "./errors.js";
import { bodyFailure, exchange, startCall } from "./exchange.js";
import type { Redactor } from "./redact.js";
import type { OutgoingRequest } from "./request-url.js";
import { discard } from "./transport.js";

// The one send of every request of every client (operations, the IAM token request, prune's deletes and
// listings), under the client's retry strategy. It resolves to what happened — the 2xx's data, or the error
// `policy.alreadyGone` accepts — and otherwise throws the last attempt's typed error. Whatever a server
// controls that it hands back (the request id) passes the redactor, on success too.
// How a 2xx body is read is given (`read`): `send` gives the bounded JSON reader for `result: "json"`; an
// operation that never reads a body (a delete) calls this without one, so its program bundles no reader.

/** Reads a 2xx answer's data; throws a CallError (never retried) or a body error (retried like the network). */
export type ReadData = (response: Response, site: CallSite, attempt: number) => Promise<unknown>;

/** Sends `request` under `policy`; a 2xx body is read by `read`, or cancelled unread without one. */
export async function sendWith<Data = unknown>(
  core: ClientCore,
  request: OutgoingRequest,
  policy: CallPolicy,
  read?: ReadData,
): Promise<CallResult<Data>> {
  const call = startCall(core, request, policy.idempotent);
  try {
    const { response, data, attempts, requestId } = await runAttempts(
      { retry: core.retry, signal: policy.signal, site: call.site, idempotent: call.idempotent },
      async (attempt) => {
        const exchanged = await exchange(call, attempt, policy.retryable);
        if (!exchanged.ok) return exchanged.outcome;
        const { response, log, redact } = exchanged;
        const requestId = cleanRequestId(core.errors.requestId(response.headers), redact);
        log({ status: response.status, requestId });
        let data: unknown;
        try {
          if (read) data = await read(response, call.site, attempt.number);
          else discard(response);
        } catch (error) {
          return bodyFailure(call, error, attempt, redact);
        }
        return { done: true, value: { response, data, attempts: attempt.number, requestId } };
      },
    );
    return {
      data: data as Data,
      alreadyGone: false,
      attempts,
      requestId,
      headers: response.headers,
    };
  } catch (error) {
    if (!(error instanceof ApiError) || policy.alreadyGone?.(error) !== true) throw error;
    const { attempts, requestId } = error;
    return { data: undefined as Data, alreadyGone: true, attempts, requestId, headers: new Headers() };
  }
}

/**
 * A request id a 2xx carried, redacted (a server may echo a token or a signature into it: #24, class 1) and
 * bounded. The redactor is built only when there is an id.
 */
function cleanRequestId(id: string | undefined, redact: () => Redactor): string | undefined {
  return id === undefined || id === "" ? undefined : redact()(id).slice(0, MAX_ID_CHARS);
}

const MAX_ID_CHARS = 2000;
