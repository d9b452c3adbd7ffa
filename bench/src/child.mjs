import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Runs `script` (next to this file) in a fresh Node process and resolves with the one message it sends.
 * Results travel over IPC rather than stdout because the official SDK may print to stdout on its own.
 */
export function runChild(script, input, { env = {}, execArgv = [] } = {}) {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const child = fork(path, [], {
    env: { ...process.env, ...env },
    execArgv,
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    let result;
    child.once("message", (message) => {
      result = message;
    });
    child.once("error", reject);
    child.once("close", (code) => {
      if (result?.error) reject(new Error(`${script}: ${result.error}`));
      else if (code !== 0 || result === undefined) reject(new Error(`${script} exited with code ${code}`));
      else resolve(result);
    });
    child.send(input);
  });
}

/** The worker side of `runChild`: receives the input, sends back what `work` returns, then exits. */
export function serveChild(work) {
  process.once("message", async (input) => {
    try {
      process.send(await work(input), () => process.exit(0));
    } catch (error) {
      process.send({ error: error?.stack ?? String(error) }, () => process.exit(1));
    }
  });
}
