// Issue 20's targets, against @fnapi/emulator in a child process (so the listing process's memory is the
// client's alone): listFunctions over 100,000 seeded functions (RSS growth, time per page), and a prune of
// 1,000 functions with 5 % injected 429s beside the same prune with no faults.
//   node bench/src/prune.mjs [--functions 100000] [--prune 1000]
// Uses the workspace builds (npm run build first). Prints one JSON object and a short text summary.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createFgsClient } from "@fnapi/fgs-client";
import { applyFgsPrune, planFgsPrune } from "@fnapi/fgs-client/prune";

const { values } = parseArgs({
  options: { functions: { type: "string", default: "100000" }, prune: { type: "string", default: "1000" } },
});
const FUNCTIONS = Number(values.functions);
const PRUNE = Number(values.prune);
const PROJECT = "7aad83af3e8d42e99ac194e8419e2c9b";
const urn = (name) => `urn:fss:cn-north-4:${PROJECT}:function:default:${name}`;
const emulatorBin = fileURLToPath(new URL("../../packages/emulator/dist/cli.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "fnapi-bench-prune-"));

function seedFile(count, prefix) {
  const file = join(dir, `${prefix}-${count}.json`);
  const functions = Array.from({ length: count }, (_, i) => ({
    urn: urn(`${prefix}-${i}`),
    lastModified: "2026-11-01T00:00:00Z",
  }));
  writeFileSync(file, JSON.stringify({ huawei: { functions } }));
  return file;
}

async function startEmulator(seed) {
  const child = spawn(process.execPath, [emulatorBin, "--port", "0", "--auth", "off", "--seed", seed], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  const url = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (c) => {
      out += c;
      if (out.includes("\n")) resolve(out.trim());
    });
    child.once("exit", (code) => reject(new Error(`emulator exited ${code}`)));
  });
  return {
    url,
    control: (path, init) => fetch(`${url}/_emulator/${path}`, init),
    stop: () =>
      new Promise((r) => {
        child.once("exit", r);
        child.kill("SIGTERM");
      }),
  };
}

const mb = (bytes) => Math.round((bytes / 2 ** 20) * 10) / 10;

async function listing() {
  const emu = await startEmulator(seedFile(FUNCTIONS, "fn"));
  try {
    const fgs = createFgsClient({ projectId: PROJECT, token: "t", baseUrl: emu.url });
    globalThis.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    let count = 0;
    const pageTimes = [];
    let pageStart = performance.now();
    const started = performance.now();
    for await (const _fn of fgs.listFunctions()) {
      count++;
      if (count % 400 === 0) {
        const now = performance.now();
        pageTimes.push(now - pageStart);
        pageStart = now;
        peak = Math.max(peak, process.memoryUsage().rss);
      }
    }
    const total = performance.now() - started;
    const tenth = Math.max(1, Math.floor(pageTimes.length / 10));
    const avg = (xs) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;
    return {
      functions: count,
      pages: Math.ceil(count / 400),
      totalMs: Math.round(total),
      msPerPage: avg(pageTimes),
      msPerPageFirstTenth: avg(pageTimes.slice(0, tenth)),
      msPerPageLastTenth: avg(pageTimes.slice(-tenth)),
      rssBeforeMB: mb(rssBefore),
      rssPeakMB: mb(peak),
      rssGrowthMB: mb(peak - rssBefore),
    };
  } finally {
    await emu.stop();
  }
}

async function prune(faults) {
  const emu = await startEmulator(seedFile(PRUNE, "preview"));
  try {
    if (faults) {
      const r = await emu.control("faults", {
        method: "POST",
        body: JSON.stringify({ operation: "deleteFunction", status: 429, probability: 0.05 }),
      });
      if (r.status !== 201) throw new Error(`fault: ${r.status}`);
    }
    // The client's own retry strategy (one per client): 429s retried on the send path, one back-off.
    const fgs = createFgsClient({ projectId: PROJECT, token: "t", baseUrl: emu.url });
    const started = performance.now();
    const plan = await planFgsPrune(fgs, { match: ["preview-*"] });
    const report = await applyFgsPrune(fgs, plan, { confirmIntervalMs: 200 });
    const wallMs = Math.round(performance.now() - started);
    const state = await (await emu.control("state")).json();
    const requests = await (await emu.control("requests")).json();
    const list = Array.isArray(requests) ? requests : (requests.requests ?? []);
    return {
      faults: faults ? "5 % 429 on deleteFunction" : "none",
      planned: plan.targets.length,
      wallMs,
      left: state.huawei.functions.length,
      counts: report.counts,
      requests: {
        listGets: list.filter((r) => r.operation === "listFunctions").length,
        deletes: list.filter((r) => r.operation === "deleteFunction").length,
      },
    };
  } finally {
    await emu.stop();
  }
}

try {
  const result = { listing: await listing(), prune: [await prune(false), await prune(true)] };
  console.log(JSON.stringify(result, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
