#!/usr/bin/env node
// Runs a test suite several times in a row beside busy processes: the check that a suite counts what it
// controls and does not need an idle machine (issue 24, "the contract suites pass 5 runs in a row beside six
// busy processes"). Never part of `npm test`: it takes many minutes by design.
//
//   node scripts/loaded-runs.mjs [--runs 5] [--busy 6] [--dir contract-tests] [--log DIR]
//
// Each busy process is a Node loop spinning on a core; they are started before the first run and killed after
// the last (or on Ctrl-C). Every run's full output goes to DIR/run-N.log; one line per run on stdout (passed or
// failed, duration, the load average at its start). Exit 0 only when every run passed.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    busy: { type: "string", default: "6" },
    dir: { type: "string", default: "contract-tests" },
    log: { type: "string" },
  },
});
const runs = Number(values.runs);
const busyCount = Number(values.busy);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(busyCount) || busyCount < 0) {
  console.error("--runs must be a whole number ≥ 1 and --busy a whole number ≥ 0");
  process.exit(2);
}
const cwd = resolve(values.dir);
const logDir = values.log ?? mkdtempSync(join(tmpdir(), "fnapi-loaded-runs-"));
mkdirSync(logDir, { recursive: true });

const busy = Array.from({ length: busyCount }, () =>
  spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }),
);
const stopBusy = () => {
  for (const child of busy) child.kill("SIGKILL");
};
process.on("exit", stopBusy);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopBusy();
    process.exit(130);
  });
}

console.log(
  `${runs} run(s) of vitest in ${values.dir} beside ${busyCount} busy process(es); logs in ${logDir}`,
);
let passed = 0;
for (let n = 1; n <= runs; n++) {
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");
  const started = Date.now();
  const log = createWriteStream(join(logDir, `run-${n}.log`));
  const code = await new Promise((done) => {
    const child = spawn("npx", ["vitest", "run"], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on("close", (status) => done(status ?? 1));
  });
  log.end();
  const seconds = Math.round((Date.now() - started) / 1000);
  if (code === 0) passed++;
  console.log(
    `run ${n}: ${code === 0 ? "passed" : `FAILED (exit ${code})`} in ${seconds} s, load average at start ${load}`,
  );
}
console.log(`${passed} of ${runs} run(s) passed`);
// The busy children keep this process alive: stop them, or it never exits (nor fires "exit").
stopBusy();
process.exitCode = passed === runs ? 0 : 1;
