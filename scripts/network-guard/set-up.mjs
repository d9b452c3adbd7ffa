// vitest `setupFiles` of every package and of contract-tests: guards this worker and the Node processes its
// tests start, and fails the test file whose code tried to leave loopback, even if that code swallowed the error.
import { readFileSync } from "node:fs";
import { afterAll } from "vitest";
import { installNetworkGuard } from "./guard.mjs";

const preload = new URL("./preload.mjs", import.meta.url).href;
if (!(process.env.NODE_OPTIONS ?? "").includes(preload)) {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --import ${preload}`.trim();
}
const guard = installNetworkGuard();

afterAll(() => {
  const log = process.env.FNAPI_NETWORK_GUARD_LOG;
  let fromChildren = "";
  try {
    fromChildren = log ? readFileSync(log, "utf8") : "";
  } catch {
    // no child was refused anything
  }
  if (guard.refused.length > 0 || fromChildren !== "") {
    throw new Error(
      `network guard: connections beyond loopback were attempted: ${[...guard.refused, fromChildren.trim()].filter(Boolean).join(", ")}`,
    );
  }
});
