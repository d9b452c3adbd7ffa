import type { AuthContext, AuthOutcome, Principal, ReceivedRequest } from "../auth-common.js";
import type { ApiFailure } from "../error-body.js";
import type { EmulatorState } from "../seed.js";
import type { SpecSchemas } from "../seed-fields.js";
import type { OperationSpec } from "../spec-catalog.js";

// What one cloud API (one spec file: ncf, fgs, iam) brings, in its own folder: its handlers keyed by
// operationId (thin: HTTP in, a pure backend's outcome out), its authentication, its error bodies (the 500 of
// its own crash included), and its slice of the state: the seed fields it owns, with rules from its spec.
// A new cloud is one folder and one line in `index.ts`.

export interface HandlerContext {
  op: OperationSpec;
  /** The server path the request came in under (`/ncf/api/v2`, `/api/v2`, ``). */
  prefix: string;
  /** The current state: read only; a change is returned as `HandlerResult.change`. */
  state: EmulatorState;
  /** Decoded path parameters. */
  path: Record<string, string>;
  /** Decoded query parameters (no defaults applied). */
  query: Record<string, string>;
  body: Uint8Array;
  now: number;
  principal: Principal;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** An error answer, in the API's error shape. */
  failure?: ApiFailure;
  /** The change the backend decided: applied only once it is durably written (with `--state`), before the answer is sent. */
  change?: StateChange;
}

/**
 * A change to the state, decided (checked, domain errors ruled out) by a backend without touching the state,
 * and applied by the state store: in place, or with a state file, to a copy that becomes the state once it
 * is written. It finds what it changes by key, never by object identity.
 */
export type StateChange = (state: EmulatorState) => void;

export type Handler = (context: HandlerContext) => HandlerResult;

/** Parses one seed field of the module's section (`raw` is undefined when the seed leaves it out). */
export type FieldParser = (raw: unknown, path: string, spec: SpecSchemas) => unknown;

export interface ApiModule {
  /** The spec file's name: `ncf` for `specs/ncf.yaml`. */
  api: string;
  /** More server paths than the spec's (NCF v2.0's `/api/v2`). */
  extraPrefixes?: string[];
  /** The seed and state section its fields live in (`ncp`, `huawei`); modules of one vendor share one. */
  section: string;
  /** The fields it owns in that section, in order. */
  fields: Record<string, FieldParser>;
  handlers: Record<string, Handler>;
  /** Verifies the credentials of an operation the spec secures. */
  authenticate(request: ReceivedRequest, context: AuthContext<EmulatorState>): AuthOutcome;
  /** With `auth: "off"`: who the request says it is (a known access key still brings its `deny` list). */
  claimed(request: ReceivedRequest, state: EmulatorState): Principal;
  /** The body of an error answer in this API's shape. */
  errorBody(failure: ApiFailure, requestId: string): unknown;
  /** A path or query parameter breaks its spec rule. */
  badParameter(op: OperationSpec, name: string, rule: string): ApiFailure;
  /** No operation at this path (or not with this method). */
  notFound(): ApiFailure;
  /** The credential's `deny` list names the operation. */
  forbidden(op: OperationSpec): ApiFailure;
  payloadTooLarge(): ApiFailure;
  /** The emulator failed while answering (a crash, a state file that cannot be written). */
  internalError(details: string): ApiFailure;
  /** The default code of an injected fault with this status. */
  faultCode(status: number): string;
}

export const failure = (status: number, code: string, message: string, details?: string): HandlerResult => ({
  status,
  failure: { status, code, message, ...(details ? { details } : {}) },
});
