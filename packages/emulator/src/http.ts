import type { IncomingMessage, ServerResponse } from "node:http";

// The HTTP edges: a bounded body, flat headers, and one way to answer.

export const BODY_LIMIT = 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolveBody({ body: Buffer.concat(chunks), tooLarge }));
    req.on("error", reject);
  });
}

export function headersOf(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function send(res: ServerResponse, requestId: string, now: number, answer: Answer): void {
  const { status, body, headers = {} } = answer;
  // A handler that sets a text/plain Content-Type answers its string as is (metadata servers answer plain text).
  const plain = typeof body === "string" && headers["Content-Type"]?.startsWith("text/plain") === true;
  const payload =
    body === undefined || status === 204 ? undefined : plain ? (body as string) : JSON.stringify(body);
  res.writeHead(status, {
    Date: new Date(now).toUTCString(),
    "X-Request-Id": requestId,
    "Content-Length": String(payload === undefined ? 0 : Buffer.byteLength(payload)),
    ...(payload === undefined ? {} : { "Content-Type": "application/json" }),
    ...headers,
  });
  res.end(payload);
}
