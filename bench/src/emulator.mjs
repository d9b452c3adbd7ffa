// The emulator's throughput with every signature verified: 1,000 concurrent signed deletes per API
// (packages/emulator/bench/throughput.mjs, the emulator in its own process).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(new URL("../../packages/emulator/bench/throughput.mjs", import.meta.url));

export function benchEmulator({ plan }) {
  const out = execFileSync(process.execPath, [SCRIPT, "--json", "--rounds", String(plan.rounds)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    timeout: 10 * 60_000,
  });
  return JSON.parse(out.trim().split("\n").at(-1));
}
