// Issue 23's stretch, measured without changing the product: the clients already take a `fetch` option, so
// a Node user can hand them a transport faster than undici's fetch. This is one such adapter — node:http on a
// keep-alive Agent, answering with a standard `Response` — written in the bench, not shipped.
//
// What it keeps of the client's guarantees: redirects are not followed (node:http never follows one; the
// client turns the 3xx into a RedirectError), the attempt's signal aborts the request and its body, the
// body is a stream the client reads with its own bounds, and a rejection is an Error the client makes a
// NetworkError. What it does not do: HTTP/2, proxies from the environment, decompression (the clients ask
// for none).
import http from "node:http";
import { Readable } from "node:stream";

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** A `fetch` over node:http with one keep-alive Agent (as many sockets as requests in flight, up to 64). */
export function createHttpFetch({ agent = new http.Agent({ keepAlive: true, maxSockets: 64 }) } = {}) {
  return (input, init = {}) =>
    new Promise((resolve, reject) => {
      const url = new URL(typeof input === "string" ? input : input.url);
      if (url.protocol !== "http:")
        return reject(new TypeError(`only http: in this bench (${url.protocol})`));
      const headers = {};
      new Headers(init.headers).forEach((value, name) => {
        headers[name] = value;
      });
      const request = http.request(
        {
          hostname: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method: init.method ?? "GET",
          headers,
          agent,
          signal: init.signal,
        },
        (response) => {
          const status = response.statusCode;
          const responseHeaders = new Headers();
          const raw = response.rawHeaders;
          for (let i = 0; i < raw.length; i += 2) responseHeaders.append(raw[i], raw[i + 1]);
          let body = null;
          if (NULL_BODY.has(status) || init.method === "HEAD") response.resume();
          else body = Readable.toWeb(response);
          // A Response cannot hold a status outside 200–599; the client's transport reports those itself.
          if (status < 200 || status > 599) {
            response.destroy();
            return reject(new TypeError(`status ${status}`));
          }
          resolve(
            new Response(body, { status, statusText: response.statusMessage, headers: responseHeaders }),
          );
        },
      );
      request.once("error", reject);
      request.end(init.body == null ? undefined : Buffer.from(init.body));
    });
}
