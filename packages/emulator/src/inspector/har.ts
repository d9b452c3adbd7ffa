import { STATUS_CODES } from "node:http";
import type { RequestRecord } from "../request-log.js";

// The request log as HAR 1.2 (what a browser's network panel imports). The log keeps no headers or bodies,
// so entries carry the method, URL, status, timing and the request id; the emulator's own view of each
// request (operation, vendor code, authentication, the explanation of a refusal) is in `_fnapi`.

export function toHar(records: readonly RequestRecord[], origin: string, version: string): unknown {
  return {
    log: {
      version: "1.2",
      creator: { name: "@fnapi/emulator", version },
      pages: [],
      entries: records.map((r) => {
        const query = r.query ?? "";
        const duration = Math.max(0, r.durationMs ?? 0);
        return {
          startedDateTime: r.time,
          time: duration,
          request: {
            method: r.method,
            url: `${origin}${r.path}${query ? `?${query}` : ""}`,
            httpVersion: "HTTP/1.1",
            cookies: [],
            headers: [],
            queryString: [...new URLSearchParams(query)].map(([name, value]) => ({ name, value })),
            headersSize: -1,
            bodySize: -1,
          },
          response: {
            status: r.status,
            statusText: r.status === 0 ? "connection dropped" : (STATUS_CODES[r.status] ?? ""),
            httpVersion: "HTTP/1.1",
            cookies: [],
            headers: [{ name: "X-Request-Id", value: r.requestId }],
            content: { size: 0, mimeType: "application/json" },
            redirectURL: "",
            headersSize: -1,
            bodySize: -1,
          },
          cache: {},
          timings: { send: 0, wait: duration, receive: 0 },
          _fnapi: {
            seq: r.seq,
            operation: r.operation,
            code: r.code,
            authPassed: r.authPassed,
            ...(r.credential !== undefined ? { credential: r.credential } : {}),
            ...(r.fault !== undefined ? { fault: r.fault } : {}),
            ...(r.explanation ? { explanation: r.explanation } : {}),
          },
        };
      }),
    },
  };
}
