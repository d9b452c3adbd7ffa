import { isIP } from "node:net";
import { sameText } from "./auth-common.js";
import type { Answer } from "./http.js";

// What keeps web pages away from the control API, which hands out the state's secrets and can change it:
//   - Host must be an IP address, `localhost`, or the name the emulator was told to listen on: a page that
//     rebinds its own DNS name to 127.0.0.1 still sends its name (DNS rebinding);
//   - a request a browser marks as cross-origin (`Origin` of another origin, `Sec-Fetch-Site: cross-site` or
//     `same-site`) is refused;
//   - a write with a body must say it is JSON (or YAML for PUT /state), which a page cannot send
//     cross-origin without a CORS preflight, and the emulator answers no preflight;
//   - with a control token (`--control-token`, FNAPI_EMULATOR_CONTROL_TOKEN), `Authorization: Bearer <token>`
//     (or `X-Emulator-Token`) is required.
// Plain curl from the same machine sends none of these headers and passes.

export interface GuardOptions {
  /** The host the emulator listens on (`127.0.0.1`, `0.0.0.0`, a name). */
  host: string;
  controlToken?: string | undefined;
}

const refused = (status: number, message: string, headers?: Record<string, string>): Answer => ({
  status,
  body: { error: { message } },
  ...(headers ? { headers } : {}),
});

function hostName(host: string): string {
  if (host.startsWith("[")) return host.slice(1, host.indexOf("]"));
  const colon = host.lastIndexOf(":");
  return (colon === -1 ? host : host.slice(0, colon)).toLowerCase();
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const YAML_TYPE = /^(?:application\/(?:x-)?yaml|text\/yaml)\s*(?:;|$)/i;

/** The refusal of a control request, or undefined when it may go on. */
export function guardControl(
  request: { method: string; path: string; headers: Record<string, string | undefined>; body: Buffer },
  options: GuardOptions,
): Answer | undefined {
  const { headers } = request;
  const host = headers.host ?? "";
  const name = hostName(host);
  if (!(isIP(name) || name === "localhost" || name === options.host.toLowerCase())) {
    return refused(
      403,
      `Host ${JSON.stringify(host.slice(0, 100))} is not this emulator's address: the control API answers to an IP address, localhost or its --host name only`,
    );
  }
  const origin = headers.origin;
  const site = headers["sec-fetch-site"];
  if (
    (origin !== undefined && origin !== `http://${host}`) ||
    (site !== undefined && site !== "same-origin" && site !== "none")
  ) {
    return refused(403, "cross-origin requests to the control API are refused (Origin, Sec-Fetch-Site)");
  }
  if (options.controlToken !== undefined) {
    const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? "")?.[1];
    const given = bearer ?? headers["x-emulator-token"] ?? "";
    if (!sameText(given, options.controlToken)) {
      return refused(401, "the control API needs the control token: Authorization: Bearer <token>", {
        "WWW-Authenticate": 'Bearer realm="fnapi-emulator"',
      });
    }
  }
  if (request.method !== "GET" && request.method !== "HEAD" && request.body.length > 0) {
    const type = headers["content-type"] ?? "";
    const yaml = request.method === "PUT" && request.path === "/state" && YAML_TYPE.test(type);
    if (!JSON_TYPE.test(type) && !yaml) {
      return refused(
        415,
        `a control request with a body needs Content-Type: application/json${request.path === "/state" ? " (or application/yaml)" : ""}, not ${JSON.stringify(type.slice(0, 100))}`,
      );
    }
  }
  return undefined;
}
