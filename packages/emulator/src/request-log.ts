import type { SignatureExplanation } from "./inspector/explanation.js";

// What GET /_emulator/requests returns: one record per API request (control requests are not recorded),
// never a secret key, token, password or signature. Bounded by count and by bytes: a long field is cut to
// FIELD_LIMIT characters and marked `…[cut N bytes]`, and the oldest records are dropped first.

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

function cut(text: string): string {
  if (text.length <= FIELD_LIMIT) return text;
  return `${text.slice(0, FIELD_LIMIT)}…[cut ${Buffer.byteLength(text.slice(FIELD_LIMIT))} bytes]`;
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
    t ? (t.canonicalRequest?.length ?? 0) + t.stringToSign.length : 0;
  return e.sentence.length + size(e.computed) + size(e.implied);
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
    // An estimate (fields plus a fixed overhead for the rest): a JSON.stringify per request costs throughput.
    const bytes =
      300 +
      record.path.length +
      (record.explanation ? explanationSize(record.explanation) : 0) +
      (record.authReason?.length ?? 0) +
      (record.signatureDebug
        ? (record.signatureDebug.canonicalRequest?.length ?? 0) + record.signatureDebug.stringToSign.length
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
