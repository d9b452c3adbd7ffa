import { timingSafeEqual } from "node:crypto";
import type { ApiFailure } from "./error-body.js";
import type { SignatureExplanation } from "./explanation.js";

// What every cloud module's authentication works with: the request as received, the principal it yields and
// the refusal it answers (its failure body, a reason for the request log and, for a refused signature, what
// the emulator computed, secrets masked).

export interface ReceivedRequest {
  method: string;
  /** The request target exactly as received: path and query. */
  target: string;
  rawPath: string;
  rawQuery: string;
  /** Header values by lower-case name (repeated headers joined with `, `). */
  headers: Record<string, string | undefined>;
  body: Uint8Array;
}

export interface Principal {
  /** The scheme that authenticated the request (`ncp`, `token`, `aksk`), or `none`. */
  kind: string;
  accessKey?: string;
  /** OperationIds this principal may not call. */
  deny: string[];
}

export interface AuthRefusal {
  failure: ApiFailure;
  /** One line for the request log; never a secret. */
  reason: string;
  /** What the emulator computed, for the log: never a secret (token values are masked). */
  debug?: { scheme: string; canonicalRequest?: string; stringToSign: string };
  /**
   * Why, in words, for the inspector and the request log: built by the module that refused, from what its
   * check found (one rule, stated once), and only when a refused request is logged.
   */
  explain?: () => SignatureExplanation;
}

export type AuthOutcome = { ok: true; principal: Principal } | ({ ok: false } & AuthRefusal);

export interface AuthContext<S = unknown> {
  state: S;
  now: number;
  /** The `project_id` path parameter of the operation, when it has one. */
  projectId?: string | undefined;
}

export const ANONYMOUS: Principal = { kind: "none", deny: [] };

/** Equal strings, compared in time that does not depend on where they differ. */
export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const MASKED_HEADERS = new Set(["x-security-token", "x-auth-token", "authorization"]);

/** A canonical request with the values of secret headers replaced by `****`. */
export function maskHeaders(canonicalRequest: string): string {
  return canonicalRequest
    .split("\n")
    .map((line) => {
      const colon = line.indexOf(":");
      return colon > 0 && MASKED_HEADERS.has(line.slice(0, colon)) ? `${line.slice(0, colon)}:****` : line;
    })
    .join("\n");
}
