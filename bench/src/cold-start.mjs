// Cold start: a fresh Node process that loads one package and exits, repeated. Two views of the same cost:
// the whole process's wall time minus that of a process loading nothing (what a CLI or a cold function
// pays), and the time of the import itself measured inside the process (less noise from process start).
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { OFFICIAL_PACKAGE } from "./official-sdk.mjs";
import { median } from "./stats.mjs";

const BENCH_DIR = fileURLToPath(new URL("..", import.meta.url));

function esmProgram(specifier) {
  const load = specifier ? `await import(${JSON.stringify(specifier)});` : "";
  return [
    "--input-type=module",
    "-e",
    `const t = performance.now(); ${load} console.log("import-ms=" + (performance.now() - t));`,
  ];
}

function cjsProgram(specifier) {
  const load = specifier ? `require(${JSON.stringify(specifier)});` : "";
  return ["-e", `const t = performance.now(); ${load} console.log("import-ms=" + (performance.now() - t));`];
}

// Not a package: what Node's ESM loader costs on the first import of anything, however small (it loads
// parts of itself lazily). It tells how much of a package's import time the package can do anything about.
function oneLineModule(home) {
  const path = join(home, "one-line.mjs");
  writeFileSync(path, "export const one = 1;\n");
  return {
    id: "(reference) a one-line ESM file",
    how: "import",
    args: esmProgram(pathToFileURL(path).href),
    baseline: "esm",
  };
}

const COLD_START_TARGETS = [
  // the reference of issue 16: a client's import is to stay within 5 ms of openapi-fetch's own
  { id: "openapi-fetch", how: "import", args: esmProgram("openapi-fetch"), baseline: "esm" },
  { id: "@fnapi/auth", how: "import", args: esmProgram("@fnapi/auth"), baseline: "esm" },
  { id: "@fnapi/ncf-client", how: "import", args: esmProgram("@fnapi/ncf-client"), baseline: "esm" },
  { id: "@fnapi/fgs-client", how: "import", args: esmProgram("@fnapi/fgs-client"), baseline: "esm" },
  { id: OFFICIAL_PACKAGE, how: "require", args: cjsProgram(OFFICIAL_PACKAGE), baseline: "cjs" },
];
const BASELINES = { esm: esmProgram(null), cjs: cjsProgram(null) };

function runOnce(args, home) {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, {
    cwd: BENCH_DIR,
    env: { ...process.env, HOME: home },
    encoding: "utf8",
  });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} failed: ${result.stderr}`);
  const inProcess = /import-ms=([\d.]+)/.exec(result.stdout);
  return { wallMs, importMs: Number(inProcess?.[1]) };
}

export async function benchColdStart({ plan, home, log }) {
  const targets = [oneLineModule(home), ...COLD_START_TARGETS];
  const runs = { esm: [], cjs: [], ...Object.fromEntries(targets.map((t) => [t.id, []])) };
  // A throwaway pass: the first process start after a while pays for the file cache.
  for (const args of [...Object.values(BASELINES), ...targets.map((t) => t.args)]) runOnce(args, home);
  // Interleaved, so that the baseline and every package see the same state of the machine.
  for (let rep = 0; rep < plan.repetitions; rep++) {
    log(`  repetition ${rep + 1}/${plan.repetitions}`);
    for (const [name, args] of Object.entries(BASELINES)) runs[name].push(runOnce(args, home));
    for (const t of targets) runs[t.id].push(runOnce(t.args, home));
  }
  const baseline = Object.fromEntries(
    Object.keys(BASELINES).map((name) => [name, median(runs[name].map((r) => r.wallMs))]),
  );
  return {
    plan,
    baselineWallMs: baseline,
    packages: targets.map((t) => {
      const wall = median(runs[t.id].map((r) => r.wallMs));
      return {
        id: t.id,
        how: t.how,
        command: `node ${t.args.map((a) => (a.includes(" ") ? JSON.stringify(a) : a)).join(" ")}`,
        wallMs: wall,
        wallMinusBaselineMs: wall - baseline[t.baseline],
        inProcessImportMs: median(runs[t.id].map((r) => r.importMs)),
      };
    }),
  };
}
