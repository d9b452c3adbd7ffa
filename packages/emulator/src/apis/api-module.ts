import type { AuthContext, AuthOutcome, Principal, ReceivedRequest } from "../auth-common.js";
import type { ApiFailure } from "../error-body.js";
import type { SpecSchemas } from "../seed-fields.js";
import type { OperationSpec } from "../spec-catalog.js";

// What one cloud API (one spec file) brings, in its own folder: its handlers keyed by operationId (thin: HTTP
// in, a pure backend's outcome out), its authentication, its error bodies (the 500 of its own crash
// included), and its state. A module declares its state by its field parsers: `section` names the seed,
// state-file, GET /_emulator/state and snapshot section its fields live in (modules of one vendor may share
// one), and each field's parser gives that field's type. The emulator's whole state type is computed from
// the registry (`StateOf`), so the core names no cloud. A new cloud is one folder and one line in `index.ts`.

/** Parses one seed field of the module's section (`raw` is undefined when the seed leaves it out). */
export type FieldParser<T = unknown> = (raw: unknown, path: string, spec: SpecSchemas) => T;

/** A module's fields, each with its parser: the type of each field is what its parser returns. */
export type FieldParsers<Own> = { [K in keyof Own]-?: FieldParser<Own[K]> };

// A module's functions take its own view of the state; the core passes the whole state, which contains that
// view. Method syntax keeps them assignable to the core's untyped view (`ApiModule` with its defaults).
type Bivariant<Args extends unknown[], R> = { call(...args: Args): R }["call"];

/**
 * A change to the state, decided (checked, domain errors ruled out) by a backend without touching the state,
 * and applied by the state store: in place, or with a state file, to a copy that becomes the state once it
 * is written. It finds what it changes by key, never by object identity.
 */
export type StateChange<S = object> = Bivariant<[state: S], void>;

export interface HandlerContext<S = object> {
  op: OperationSpec;
  /** The server path the request came in under (`/ncf/api/v2`, `/api/v2`, ``). */
  prefix: string;
  /** The current state: read only; a change is returned as `HandlerResult.change`. */
  state: S;
  /** Decoded path parameters. */
  path: Record<string, string>;
  /** Decoded query parameters (no defaults applied). */
  query: Record<string, string>;
  body: Uint8Array;
  now: number;
  principal: Principal;
}

export interface HandlerResult<S = object> {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** An error answer, in the API's error shape. */
  failure?: ApiFailure;
  /** The change the backend decided: applied only once it is durably written (with `--state`), before the answer is sent. */
  change?: StateChange<S>;
}

export type Handler<S = object> = Bivariant<[context: HandlerContext<S>], HandlerResult<S>>;

/** A module's own section of the state; for the core's view of any module (`Section` = string), any object. */
type OwnView<Section extends string, Own> = string extends Section ? object : { [S in Section]: Own };

/**
 * One cloud API. `Section` and `Own` are the seed section and the fields the module owns there; `Reads` is
 * the state its handlers and authentication see: its own section, plus (by type only) the fields of the
 * modules it shares a section with that it reads.
 */
export interface ApiModule<
  Section extends string = string,
  Own extends object = object,
  Reads extends object = OwnView<Section, Own>,
> {
  /** The spec file's name: `ncf` for `specs/ncf.yaml`. */
  api: string;
  /** More server paths than the spec's (NCF v2.0's `/api/v2`). */
  extraPrefixes?: string[];
  /** Answers paths that no API's routes claim (404 in its error shape); the first such module in the list does. */
  answersUnknownPaths?: boolean;
  /** The seed, state and snapshot section its fields live in. */
  section: Section;
  /** The fields it owns in that section, in order, with the parser that checks each one. */
  fields: FieldParsers<Own>;
  handlers: Record<string, Handler<Reads>>;
  /** Verifies the credentials of an operation the spec secures. */
  authenticate(request: ReceivedRequest, context: AuthContext<Reads>): AuthOutcome;
  /** With `auth: "off"`: who the request says it is (a known access key still brings its `deny` list). */
  claimed(request: ReceivedRequest, state: Reads): Principal;
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

/** Declares a module with its state inferred from its fields (`Reads` given when it reads a shared section). */
export const defineModule = <
  Section extends string,
  Own extends object,
  Reads extends object = OwnView<Section, Own>,
>(
  module: ApiModule<Section, Own, Reads>,
): ApiModule<Section, Own, Reads> => module;

type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type OwnState<M> = M extends { section: infer S extends string; fields: infer F }
  ? { [K in S]: { [P in keyof F]: F[P] extends FieldParser<infer T> ? T : never } }
  : never;
type Merge<T> = { [K in keyof T]: T[K] };

/** The state of an emulator serving these modules: one section per `section`, each the union of its modules' fields. */
export type StateOf<Modules extends readonly ApiModule[]> = Merge<Intersect<OwnState<Modules[number]>>>;

/** What a seed (or PUT /_emulator/state) may leave out: any section, and any field (lists default to empty). */
export type SeedOf<State> = { [K in keyof State]?: Partial<State[K]> };

export const failure = (status: number, code: string, message: string, details?: string): HandlerResult => ({
  status,
  failure: { status, code, message, ...(details ? { details } : {}) },
});
