import type { Principal } from "../authenticate.js";
import type { ApiFailure } from "../error-body.js";
import type { EmulatorState } from "../seed.js";
import type { OperationSpec } from "../spec-catalog.js";

// What one API (one spec file: ncf, fgs, iam) contributes: its handlers keyed by operationId, and the
// errors its gateway and service answer for the situations every API has.

export interface HandlerContext {
  op: OperationSpec;
  /** The server path the request came in under (`/ncf/api/v2`, `/api/v2`, ``). */
  prefix: string;
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
  /** The state changed: it is persisted before the answer is sent. */
  changed?: boolean;
}

export type Handler = (context: HandlerContext) => HandlerResult;

export interface ApiModule {
  api: string;
  /** More server paths than the spec's (NCF v2.0's `/api/v2`). */
  extraPrefixes?: string[];
  handlers: Record<string, Handler>;
  /** A path or query parameter breaks its spec rule. */
  badParameter(op: OperationSpec, name: string, rule: string): ApiFailure;
  /** No operation at this path (or not with this method). */
  notFound(): ApiFailure;
  /** The credential's `deny` list names the operation. */
  forbidden(op: OperationSpec): ApiFailure;
  payloadTooLarge(): ApiFailure;
  /** The default code of an injected fault with this status. */
  faultCode(status: number): string;
}

export const failure = (status: number, code: string, message: string, details?: string): HandlerResult => ({
  status,
  failure: { status, code, message, ...(details ? { details } : {}) },
});
