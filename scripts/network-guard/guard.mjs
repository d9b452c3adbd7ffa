// The network guard of every test run: any TCP connection (net, tls, http, undici's fetch: all go through
// `net.Socket.prototype.connect`) to an address other than loopback is refused at once, with a message
// naming the address, and recorded. Loaded by each package's vitest set-up (set-up.mjs), by the run's global
// set-up (global-set-up.mjs), and by every Node child process a test starts (through NODE_OPTIONS), so a
// CLI run in a child is guarded too. It sends nothing and resolves no name: a host that is not loopback by
// its spelling (127.0.0.0/8, ::1, localhost, a Unix socket path) is refused.
import { appendFileSync } from "node:fs";
import net from "node:net";

// The variables the guard reads and passes on (set by the run itself: not inputs of any cached task).
const environment = process.env;

const GUARDED = Symbol.for("fnapi.networkGuard");

/** Whether `host` is loopback by its spelling alone (no lookup). */
export function isLoopback(host) {
  if (typeof host !== "string" || host === "") return true; // Node's default host is localhost
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (bare === "localhost" || bare === "::1" || bare === "0:0:0:0:0:0:0:1") return true;
  const v4 = bare.replace(/^::ffff:/, "");
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** Where `socket.connect(...args)` goes: a Unix socket path, or a host. */
export function targetOf(args) {
  let first = args[0];
  if (Array.isArray(first)) first = first[0]; // net.connect passes its normalized arguments as an array
  if (first !== null && typeof first === "object") {
    if (typeof first.path === "string") return { path: first.path };
    return { host: first.host ?? "localhost", port: first.port };
  }
  if (typeof first === "string" && !/^\d+$/.test(first)) return { path: first };
  return { host: typeof args[1] === "string" ? args[1] : "localhost", port: first };
}

let expected = 0;

/** Runs `attempt`, whose connection beyond loopback the caller expects to be refused (the guard's own tests). */
export function expectRefused(attempt) {
  expected++;
  try {
    return attempt();
  } finally {
    expected = 0;
  }
}

export class NetworkGuardError extends Error {
  name = "NetworkGuardError";
}

/** Installs the guard in this process (once). `log`: a file that records each refused connection. */
export function installNetworkGuard(log = environment.FNAPI_NETWORK_GUARD_LOG) {
  if (globalThis[GUARDED]) return globalThis[GUARDED];
  const refused = [];
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(...args) {
    const target = targetOf(args);
    if (target.path === undefined && !isLoopback(target.host)) {
      const where = `${target.host}:${target.port ?? "?"}`;
      if (expected > 0) {
        expected--;
        throw new NetworkGuardError(`network guard: refused ${where} (expected by the test)`);
      }
      refused.push(where);
      if (log) {
        try {
          appendFileSync(log, `${where} (pid ${process.pid})\n`);
        } catch {
          // the log is a courtesy; the refusal below is the guard
        }
      }
      throw new NetworkGuardError(
        `network guard: a test tried to connect to ${where}; tests may reach loopback only (GUIDE.md)`,
      );
    }
    return connect.apply(this, args);
  };
  globalThis[GUARDED] = { refused };
  return globalThis[GUARDED];
}
