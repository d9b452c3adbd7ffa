// vitest `setupFiles` of every package and of contract-tests: guards this worker and the Node processes its
// tests start, and fails the test file whose code tried to leave loopback, even if that code swallowed the error.
import { readFileSync } from "node:fs";
import { afterAll } from "vitest";
import { installNetworkGuard } from "./guard.mjs";

// The variables the guard reads and passes on (set by the run itself: not inputs of any cached task).
const environment = process.env;

const preload = new URL("./preload.mjs", import.meta.url).href;
if (!(environment.NODE_OPTIONS ?? "").includes(preload)) {
  environment.NODE_OPTIONS = `${environment.NODE_OPTIONS ?? ""} --import ${preload}`.trim();
}
const guard = installNetworkGuard();

afterAll(() => {
  const log = environment.FNAPI_NETWORK_GUARD_LOG;
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
