// Shared by the tests (not part of the build): `prism proxy --errors` in front of an upstream, validating every
// request and response against a bundled spec; a response that breaks its spec becomes a 500 with an
// `sl-violations` header.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { bundledSpecsDir } from "./spec-catalog.js";

const require = createRequire(import.meta.url);
const prismBin = join(dirname(require.resolve("@stoplight/prism-cli/package.json")), "dist", "index.js");

export function startPrismProxy(
  spec: string,
  upstream: string,
): Promise<{ url: string; child: ChildProcess }> {
  const args = ["proxy", join(bundledSpecsDir(), spec), upstream, "--host", "127.0.0.1", "--port", "0"];
  const child = spawn(process.execPath, [prismBin, ...args, "--errors"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`Prism proxy did not start:\n${output}`)), 150_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Prism is listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (listening?.[1]) {
        clearTimeout(timer);
        child.stdout?.removeListener("data", onData);
        child.stderr?.removeListener("data", onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve({ url: listening[1], child });
      } else if (/\bfatal\b/i.test(output)) {
        clearTimeout(timer);
        reject(new Error(`Prism proxy failed:\n${output}`));
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`Prism proxy exited with ${code}:\n${output}`)));
  });
}
