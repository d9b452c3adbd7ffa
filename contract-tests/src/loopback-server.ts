import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A throwaway HTTP server on 127.0.0.1 with a free port, for capture and fault-injection tests. Every
// request is recorded; `handler` decides the answer (default 204). `close` also drops kept-alive sockets.

export interface Captured {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
}

export interface LoopbackServer {
  url: string;
  requests: Captured[];
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, index: number) => void;

export interface LoopbackOptions {
  /** Connections the kernel queues before they are accepted (Node's default, 511, drops the rest's SYNs). */
  backlog?: number;
  /** Never close a connection for being slow or idle (Node closes idle keep-alive sockets after 5 s, which a
   * client on a loaded machine may be reusing at that moment: ECONNRESET). */
  patient?: boolean;
}

export async function startLoopbackServer(
  handler?: Handler,
  { backlog, patient = false }: LoopbackOptions = {},
): Promise<LoopbackServer> {
  const requests: Captured[] = [];
  const server = createServer((req, res) => {
    const index = requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers }) - 1;
    if (handler) return handler(req, res, index);
    res.statusCode = 204;
    res.end();
  });
  if (patient) {
    server.keepAliveTimeout = 0; // no idle timeout
    server.headersTimeout = 0;
    server.requestTimeout = 0;
  }
  await new Promise<void>((resolve) => server.listen({ port: 0, host: "127.0.0.1", backlog }, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fetch that sends the request to `origin` instead of its own host, keeping path, query and headers. */
export function redirectFetch(origin: string): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    return fetch(`${origin}${url.pathname}${url.search}`, {
      method: request.method,
      headers: request.headers,
      signal: request.signal,
    });
  };
}
