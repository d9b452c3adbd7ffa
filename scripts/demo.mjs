// `npm run demo`: builds what the demo needs (quietly: turbo's output is shown only when a build fails),
// then runs contract-tests/src/demo.ts, so the tables are what the user sees.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const turbo = join(root, "node_modules", "turbo", "bin", "turbo");
const build = spawnSync(
  process.execPath,
  [
    turbo,
    "run",
    "build",
    "--filter=@fnapi/contract-tests^...",
    "--output-logs=errors-only",
    "--log-prefix=none",
  ],
  { cwd: root, encoding: "utf8", env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" } },
);
if (build.status !== 0) {
  process.stderr.write(`${build.stdout ?? ""}${build.stderr ?? ""}`);
  console.error("npm run demo: the build failed (output above)");
  process.exit(build.status ?? 1);
}
const demo = spawnSync(process.execPath, ["--import", "tsx", "src/demo.ts"], {
  cwd: join(root, "contract-tests"),
  stdio: "inherit",
});
process.exit(demo.status ?? 1);
