import { readJson } from "./answers.js";
import type { CallPolicy, CallResult } from "./call-result.js";
import type { ClientCore } from "./client-core.js";
import { ResponseBodyError } from "./errors.js";
import type { OutgoingRequest } from "./request-url.js";
import { type ReadData, sendWith } from "./send-with.js";

// The one send of an operation (send-with.ts), with the 2xx body read as the policy says: `none`, never read
// (cancelled); `json`, read within its bound, parsed, and checked for the fields the operation reads.

/** Sends `request` under `policy` with the client's settings and retry strategy. */
export function send<Data = unknown>(
  core: ClientCore,
  request: OutgoingRequest,
  policy: CallPolicy,
): Promise<CallResult<Data>> {
  return sendWith(core, request, policy, policy.result === "json" ? jsonReader(policy) : undefined);
}

/** The bounded JSON reader of an operation, its `check` applied: a problem is a ResponseBodyError. */
const jsonReader =
  ({ operation, check }: CallPolicy): ReadData =>
  async (response, site, attempt) => {
    const data = await readJson(response, site, attempt, operation);
    const problem = check?.(data, response.headers);
    if (problem) throw new ResponseBodyError(problem, response.status, site, attempt, operation);
    return data;
  };
