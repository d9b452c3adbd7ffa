import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Starts Prism's CLI mock server for one spec on a free loopback port (-p 0) and stops it again. The port is
// read from Prism's "listening" line; a `fatal` line or an early exit fails the start with Prism's output.

const require = createRequire(import.meta.url);
const prismBin = join(dirname(require.resolve("@stoplight/prism-cli/package.json")), "dist", "index.js");
export const specsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "specs");

export interface PrismServer {
  url: string;
  stop(): Promise<void>;
}

export function startPrism(spec: string, { startTimeoutMs = 90_000 } = {}): Promise<PrismServer> {
  const child = spawn(
    process.execPath,
    [prismBin, "mock", join(specsDir, spec), "--host", "127.0.0.1", "--port", "0", "--errors"],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" } },
  );
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => fail(`did not start within ${startTimeoutMs} ms`), startTimeoutMs);
    function fail(why: string) {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`Prism for ${spec} ${why}:\n${output.slice(-4000)}`));
    }
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/\bfatal\b/i.test(output)) return fail("reported a fatal error");
      const listening = /Prism is listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (listening?.[1]) {
        clearTimeout(timer);
        // keep draining the pipes so Prism never blocks on a full buffer
        child.stdout?.removeListener("data", onData);
        child.stderr?.removeListener("data", onData);
        child.stdout?.resume();
        child.stderr?.resume();
        child.removeListener("exit", onExit);
        resolve({ url: listening[1], stop: () => stopChild(child) });
      }
    };
    const onExit = (code: number | null) => fail(`exited early with code ${code}`);
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", onExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 3_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
