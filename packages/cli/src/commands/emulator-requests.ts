import { checkBaseUrl } from "../clients.js";
import { defineCommand } from "../command.js";
import { join, type Text, text } from "../text.js";

// fnapi emulator requests [--failed]: a running emulator's request log (GET /_emulator/requests, every page),
// one line a request, and under a refused signature the inspector's sentence of what to fix. Server text
// is escaped (text.ts); the control token goes only to the emulator's own origin, as a header.

const CONTROL_TOKEN_ENV = "FNAPI_EMULATOR_CONTROL_TOKEN";
const DEFAULT_URL = "http://127.0.0.1:4010";
const TIMEOUT_MS = 10_000;
const MAX_PAGES = 100;

interface Explanation {
  problem: string;
  sentence: string;
  firstDifference?: { field: string; line: number; column: number };
}
interface LogRecord {
  time: string;
  method: string;
  path: string;
  query?: string;
  operation: string | null;
  status: number;
  code: string | null;
  authPassed: boolean | null;
  authReason?: string;
  requestId: string;
  explanation?: Explanation;
}

const failed = (r: LogRecord) => r.status === 0 || r.status >= 400;

function line(r: LogRecord): Text {
  const head = text`${r.time} ${r.method} ${r.path}${r.query ? text`?${r.query}` : ""} ${r.status} ${r.code ?? "-"} ${r.operation ?? "-"} ${r.requestId}`;
  const e = r.explanation;
  if (e) {
    const where = e.firstDifference
      ? text` (first difference: ${e.firstDifference.field} line ${e.firstDifference.line}, column ${e.firstDifference.column})`
      : "";
    return text`${head}\n  why: ${e.sentence}${where}`;
  }
  return r.authPassed === false ? text`${head}\n  auth refused: ${r.authReason ?? "-"}` : head;
}

export default defineCommand({
  name: "emulator requests",
  args: [],
  summary:
    "print a running emulator's request log; --failed: only failures, each refused signature explained",
  usage: "[--failed] [--base-url http://127.0.0.1:4010] [--control-token TOKEN]",
  description: `Reads the request log of a running emulator (GET /_emulator/requests) and prints a line per request:
time, method, path, status, vendor code, operation, request id. Under a refused signature, the inspector's
sentence of what to fix (clock skew, unknown access key, an unsigned header, a path or query encoded
differently, a body hash, a wrong secret key). --json: {"requests": [...]} with each explanation.`,
  flags: {
    failed: "only requests that failed (status 4xx, 5xx or a dropped connection)",
    "base-url": `the emulator (default ${DEFAULT_URL})`,
    "control-token": `the emulator's control token (or set ${CONTROL_TOKEN_ENV})`,
  },
  examples: ["fnapi emulator requests --failed", "fnapi emulator requests --failed --json"],
  async run(invocation) {
    const { command, flags, out, env } = invocation;
    const base = (checkBaseUrl(flags["base-url"], command.name) ?? DEFAULT_URL).replace(/\/+$/, "");
    const token = flags["control-token"] ?? env[CONTROL_TOKEN_ENV];
    const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
    const signal = AbortSignal.any([invocation.signal, AbortSignal.timeout(TIMEOUT_MS)]);
    const records: LogRecord[] = [];
    let after = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const response = await invocation.fetch(`${base}/_emulator/requests?after=${after}`, {
        headers,
        redirect: "error",
        signal,
      });
      if (!response.ok) {
        await response.body?.cancel();
        const hint =
          response.status === 401
            ? text`: it needs its control token (--control-token or ${CONTROL_TOKEN_ENV})`
            : "";
        throw new Error(text`the emulator at ${base} answered ${response.status}${hint}`.toString());
      }
      const batch = (await response.json()) as LogRecord[];
      records.push(...batch);
      const next = response.headers.get("x-next-after");
      if (next === null || !/^\d{1,12}$/.test(next)) break;
      after = Number(next);
    }
    const shown = flags.failed ? records.filter(failed) : records;
    out.result(
      { command: command.name, requests: shown },
      shown.length === 0 ? text`no ${flags.failed ? "failed " : ""}requests` : join(shown.map(line)),
    );
  },
});
