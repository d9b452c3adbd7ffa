// vitest `globalSetup`: guards the main process (servers started there, Prism) and gives the run one log of
// refused connections; the run fails at teardown if anything (a worker, a child process) was refused.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installNetworkGuard } from "./guard.mjs";

// The variables the guard reads and passes on (set by the run itself: not inputs of any cached task).
const environment = process.env;

export default function setup() {
  const dir = mkdtempSync(join(tmpdir(), "fnapi-network-guard-"));
  const log = join(dir, "refused.log");
  environment.FNAPI_NETWORK_GUARD_LOG = log;
  const guard = installNetworkGuard(log);
  return () => {
    let refused = "";
    try {
      refused = readFileSync(log, "utf8");
    } catch {
      // nothing was refused
    }
    rmSync(dir, { recursive: true, force: true });
    if (refused !== "" || guard.refused.length > 0) {
      throw new Error(`network guard: connections beyond loopback were attempted:\n${refused}`);
    }
  };
}
