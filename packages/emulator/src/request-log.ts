// What GET /_emulator/requests returns: one record per API request (control requests are not recorded),
// never a secret key, token, password or signature. Bounded: the oldest records are dropped first.

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
  /** The signature check's own view of a refused signature: what a signer should compare with. */
  signatureDebug?: { scheme: string; canonicalRequest?: string; stringToSign: string };
  /** An injected fault answered this request. */
  fault?: number;
  requestId: string;
}

export const REQUEST_LOG_LIMIT = 10_000;

export class RequestLog {
  private records: RequestRecord[] = [];

  constructor(private readonly limit = REQUEST_LOG_LIMIT) {}

  add(record: RequestRecord): void {
    this.records.push(record);
    if (this.records.length > this.limit) this.records.splice(0, this.records.length - this.limit);
  }

  clear(): void {
    this.records = [];
  }

  list(): RequestRecord[] {
    return this.records.map((r) => ({ ...r }));
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
