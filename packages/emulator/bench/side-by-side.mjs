// Throughput of this working tree's emulator and of a git revision's, measured in one session, alternating
// (base, new, base, new, …) so that the load of a shared machine falls on both alike. The revision's
// packages/emulator is extracted into node_modules/.cache (where the workspace's dependencies resolve) and
// built with its own tsup config; each run is its own bench/throughput.mjs with --json.
//
//   npm run build -w @fnapi/emulator && node packages/emulator/bench/side-by-side.mjs [--base c90efa5] [--runs 3] [-- <throughput.mjs flags>]
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  options: { base: { type: "string", default: "HEAD~1" }, runs: { type: "string", default: "3" } },
  allowPositionals: true,
});
const root = fileURLToPath(new URL("../../..", import.meta.url));
const work = join(root, "node_modules", ".cache", "fnapi-emulator-base");
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const revision = execFileSync("git", ["rev-parse", "--short", values.base], {
  cwd: root,
  encoding: "utf8",
}).trim();
execFileSync("sh", ["-c", `git archive ${revision} packages/emulator | tar -x -C "${work}"`], { cwd: root });
const baseDir = join(work, "packages", "emulator");
execFileSync(process.execPath, [join(root, "node_modules", "tsup", "dist", "cli-default.js")], {
  cwd: baseDir,
  stdio: "ignore",
});

const bench = (dir) =>
  JSON.parse(
    execFileSync(process.execPath, [join(dir, "bench", "throughput.mjs"), "--json", ...positionals], {
      encoding: "utf8",
    }),
  ).requestsPerSecond;
const runs = { [revision]: [], "this tree": [] };
for (let i = 0; i < Number(values.runs); i++) {
  runs[revision].push(bench(baseDir));
  runs["this tree"].push(bench(fileURLToPath(new URL("..", import.meta.url))));
}
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, results] of Object.entries(runs)) {
  const line = ["ncf", "fgs"].map((kind) => {
    const medians = results.map((r) => Math.round(r[kind].median));
    return `${kind} ${median([...medians])}/s (runs: ${medians.join(", ")})`;
  });
  console.log(`${name.padEnd(9)}  ${line.join("   ")}`);
}
rmSync(work, { recursive: true, force: true });
