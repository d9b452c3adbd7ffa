import type { SignatureExplanation } from "./explanation.js";

// What GET /_emulator/requests returns: one record per API request (control requests are not recorded),
// never a secret key, token, password or signature. Bounded by count and by bytes: a long field is cut to
// FIELD_LIMIT characters and marked `…[cut N bytes]`, and the oldest records are dropped first. Every kept
// string is an own copy (see ownCopy), so the byte bound is a bound on the heap the log retains.

export interface RequestRecord {
  time: string;
  method: string;
  /** The path as received, without the query. */
  path: string;
  /** The operationId, or null when no operation matched. */
  operation: string | null;
  status: number;
  /** The vendor code of an error answer (`80101`, `FSS.1051`, `APIGW.0301`), or null. */
  code: string | null;
  /** Whether authentication passed; null when it was not reached (unknown route). */
  authPassed: boolean | null;
  /** Why authentication failed, or `auth off` / `no authentication` when it was not checked. */
  authReason?: string;
  /** What the inspector found a refused request's signer should fix (inspector/explanation.ts). */
  explanation?: SignatureExplanation;
  /** The query as received, when there was one. */
  query?: string;
  /** Milliseconds from the request's arrival to its answer. */
  durationMs?: number;
  /** The credential the request named: an access key, or `token ****` and a token's last 4 characters. */
  credential?: string;
  /** The signature check's own view of a refused signature: what a signer should compare with. */
  signatureDebug?: { scheme: string; canonicalRequest?: string; stringToSign: string };
  /** An injected fault answered this request. */
  fault?: number;
  requestId: string;
  /** Its place in the log since the emulator started (1, 2, …): `?after=` pages by it. */
  seq: number;
}

export const REQUEST_LOG_LIMIT = 10_000;
export const REQUEST_LOG_BYTES = 16 * 1024 * 1024;
export const FIELD_LIMIT = 2048;
/** The most records one GET /_emulator/requests answers with. */
export const PAGE_LIMIT = 1000;

// A string V8 made by slicing or concatenating others keeps those alive: a 40-character path sliced from a
// 16 KB request target holds the whole target, and a cut canonical request its whole original. What the log
// keeps is a copy that owns its characters only, so what it counts is what it retains.
const OWN_COPY_FROM = 13; // V8 copies shorter slices and concatenations already

/** `text` as a string that references no other (flat, holding only its own characters). */
export function ownCopy(text: string): string {
  return text.length < OWN_COPY_FROM ? text : Buffer.from(text, "utf8").toString("utf8");
}

const WIDE = /[\u0100-\uffff]/;
/** The bytes V8 stores a flat string in. */
const weight = (text: string) => (WIDE.test(text) ? 2 : 1) * text.length;

function cut(text: string): string {
  if (text.length <= FIELD_LIMIT) return ownCopy(text);
  // A slice that ends inside a surrogate pair would not survive the UTF-8 copy: end before it.
  const end = /[\uD800-\uDBFF]/.test(text[FIELD_LIMIT - 1] ?? "") ? FIELD_LIMIT - 1 : FIELD_LIMIT;
  const rest = Buffer.byteLength(text) - Buffer.byteLength(text.slice(0, end));
  return ownCopy(`${text.slice(0, end)}…[cut ${rest} bytes]`);
}

function cutExplanation(e: SignatureExplanation): SignatureExplanation {
  const text = (t: SignatureExplanation["computed"]) =>
    t && {
      ...(t.canonicalRequest !== undefined ? { canonicalRequest: cut(t.canonicalRequest) } : {}),
      stringToSign: cut(t.stringToSign),
    };
  const computed = text(e.computed);
  const implied = text(e.implied);
  return {
    ...e,
    sentence: cut(e.sentence),
    ...(computed ? { computed } : {}),
    ...(implied ? { implied } : {}),
  };
}

function explanationSize(e: SignatureExplanation): number {
  const size = (t: SignatureExplanation["computed"]) =>
    t ? weight(t.canonicalRequest ?? "") + weight(t.stringToSign) : 0;
  return weight(e.sentence) + size(e.computed) + size(e.implied);
}

export interface RequestQuery {
  /** Only records after this `seq`. */
  after?: number;
  /** At most this many (default and maximum PAGE_LIMIT). */
  limit?: number;
  operation?: string;
  status?: number;
}

export class RequestLog {
  private records: { record: RequestRecord; bytes: number }[] = [];
  private head = 0;
  private bytes = 0;
  private seq = 0;

  constructor(
    private readonly limit = REQUEST_LOG_LIMIT,
    private readonly byteLimit = REQUEST_LOG_BYTES,
  ) {}

  /** Adds a record (taken over: its `seq` is set and long fields are cut in place). */
  add(entry: Omit<RequestRecord, "seq"> & { seq?: number }): void {
    const record = entry as RequestRecord;
    record.seq = ++this.seq;
    record.path = cut(record.path);
    if (record.authReason !== undefined) record.authReason = cut(record.authReason);
    if (record.query !== undefined) record.query = cut(record.query);
    if (record.explanation) record.explanation = cutExplanation(record.explanation);
    const debug = record.signatureDebug;
    if (debug) {
      record.signatureDebug = {
        scheme: debug.scheme,
        ...(debug.canonicalRequest !== undefined ? { canonicalRequest: cut(debug.canonicalRequest) } : {}),
        stringToSign: cut(debug.stringToSign),
      };
    }
    // What the record holds: its strings by their size in V8 (2 bytes a character once one is beyond
    // Latin-1, as the cut marker is) plus a fixed overhead for the rest; no JSON.stringify per request.
    const bytes =
      300 +
      weight(record.path) +
      (record.authReason ? weight(record.authReason) : 0) +
      (record.explanation ? explanationSize(record.explanation) : 0) +
      (record.signatureDebug
        ? weight(record.signatureDebug.canonicalRequest ?? "") + weight(record.signatureDebug.stringToSign)
        : 0);
    this.records.push({ record, bytes });
    this.bytes += bytes;
    while (this.records.length - this.head > this.limit || this.bytes > this.byteLimit) {
      this.bytes -= (this.records[this.head] as { bytes: number }).bytes;
      this.records[this.head++] = undefined as never;
    }
    if (this.head > 1024 && this.head * 2 > this.records.length) {
      this.records = this.records.slice(this.head);
      this.head = 0;
    }
  }

  clear(): void {
    this.records = [];
    this.head = 0;
    this.bytes = 0;
  }

  /** The records, oldest first. */
  list(): RequestRecord[] {
    return this.records.slice(this.head).map(({ record }) => ({ ...record }));
  }

  /** A page: the first `limit` matching records after `after`, and whether more follow. */
  page(query: RequestQuery = {}): { records: RequestRecord[]; more: boolean } {
    const limit = Math.min(query.limit ?? PAGE_LIMIT, PAGE_LIMIT);
    const records: RequestRecord[] = [];
    for (let i = this.head; i < this.records.length; i++) {
      const { record } = this.records[i] as { record: RequestRecord };
      if (query.after !== undefined && record.seq <= query.after) continue;
      if (query.operation !== undefined && record.operation !== query.operation) continue;
      if (query.status !== undefined && record.status !== query.status) continue;
      if (records.length === limit) return { records, more: true };
      records.push({ ...record });
    }
    return { records, more: false };
  }
}

/** The stderr line for one request (and, for a refused signature, what the emulator computed). */
export function formatLogLine(record: RequestRecord, durationMs: number): string {
  const parts = [
    record.time,
    record.method,
    record.path,
    String(record.status),
    record.code ?? "-",
    record.operation ?? "-",
    `${durationMs.toFixed(1)}ms`,
  ];
  if (record.authPassed === false) parts.push(`auth refused: ${record.authReason}`);
  if (record.fault !== undefined) parts.push(`fault #${record.fault}`);
  let line = parts.join(" ");
  const debug = record.signatureDebug;
  if (debug) {
    const indent = (text: string) =>
      text
        .split("\n")
        .map((l) => `    ${l}`)
        .join("\n");
    line += `\n  ${debug.scheme} signature refused; the emulator computed:`;
    if (debug.canonicalRequest !== undefined)
      line += `\n  canonical request:\n${indent(debug.canonicalRequest)}`;
    line += `\n  string to sign:\n${indent(debug.stringToSign)}`;
  }
  return line;
}
