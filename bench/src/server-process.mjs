import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

const script = fileURLToPath(new URL("./loopback-server.mjs", import.meta.url));

/** Starts the loopback server in a child process; resolves once it listens. */
export function startLoopbackServer({ lifetimeMs }) {
  const child = fork(script, [String(lifetimeMs)], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`loopback server exited early (code ${code})`)));
    child.once("message", ({ port }) => {
      child.removeAllListeners("exit");
      resolve({
        port,
        origin: `http://127.0.0.1:${port}`,
        stop() {
          child.disconnect();
          child.kill();
        },
      });
    });
  });
}
