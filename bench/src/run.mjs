// `npm run bench`: every section in one run on one machine, then results.json and RESULTS.md.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchBundleSizes } from "./bundle-size.mjs";
import { benchColdStart } from "./cold-start.mjs";
import { benchEmulator } from "./emulator.mjs";
import { fgsPath, ncfPathAndQuery } from "./fixtures.mjs";
import { formatJson } from "./json.mjs";
import { checkLikeForLikeSignatures } from "./like-for-like.mjs";
import { describeMachine } from "./machine.mjs";
import { parseOptions, SECTIONS, USAGE } from "./options.mjs";
import { benchPackageCounts } from "./package-count.mjs";
import { writeReadmeTargets } from "./readme-region.mjs";
import { renderMarkdown } from "./report.mjs";
import { benchRequests } from "./requests.mjs";
import { startLoopbackServer } from "./server-process.mjs";
import { benchSigning } from "./signing.mjs";
import { specsPackageSize } from "./specs-size.mjs";
import { checkTargets } from "./targets.mjs";

const BENCH_DIR = fileURLToPath(new URL("..", import.meta.url));
const log = (line) => process.stderr.write(`${line}\n`);

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) return console.log(USAGE);
  const { profile, sections, plan } = options;
  const started = Date.now();
  const results = {
    profile,
    command: `npm run bench${profile === "quick" ? " -- --quick" : ""}`,
    startedAt: new Date(started).toISOString(),
    machine: describeMachine(),
  };
  // The official SDK writes ~/.huaweicloud/application_id; it gets a scratch HOME, not the user's.
  const home = mkdtempSync(join(os.tmpdir(), "fnapi-bench-home-"));
  try {
    if (sections.includes("requests")) {
      log("requests:");
      const server = await startLoopbackServer({ lifetimeMs: 20 * 60_000 });
      try {
        await checkLikeForLikeSignatures({
          origin: server.origin,
          fgsPath: fgsPath(),
          ncfTarget: ncfPathAndQuery(),
        });
        results.requests = await benchRequests({ origin: server.origin, plan: plan.requests, home, log });
      } finally {
        server.stop();
      }
    }
    if (sections.includes("signing")) {
      log("signing:");
      results.signing = await benchSigning({ plan: plan.signing, home, log });
    }
    if (sections.includes("cold-start")) {
      log("cold start:");
      results.coldStart = await benchColdStart({ plan: plan.coldStart, home, log });
    }
    if (sections.includes("footprint")) {
      log("footprint:");
      results.footprint = {
        bundles: await benchBundleSizes(),
        packageCounts: benchPackageCounts(),
        specs: specsPackageSize(),
      };
    }
    if (sections.includes("emulator")) {
      log("emulator:");
      results.emulator = benchEmulator({ plan: plan.emulator });
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  results.machine.loadAverageAtEnd = os.loadavg().map((n) => Math.round(n * 100) / 100);
  results.finishedAt = new Date().toISOString();
  results.durationSeconds = (Date.now() - started) / 1000;
  results.targets = checkTargets(results);

  writeFileSync(join(BENCH_DIR, "results.json"), formatJson(results, jsonReplacer));
  writeFileSync(join(BENCH_DIR, "RESULTS.md"), renderMarkdown(results));
  log(`wrote bench/results.json and bench/RESULTS.md in ${Math.round(results.durationSeconds)} s`);
  // Only a full run of every section is a run to publish: only then does README.md's table change.
  if (profile === "full" && sections.length === SECTIONS.length) {
    writeReadmeTargets(join(BENCH_DIR, "README.md"), results);
    log("wrote the targets table of bench/README.md");
  }
  const missed = results.targets.filter((t) => !t.met);
  log(`targets: ${results.targets.length - missed.length} met, ${missed.length} missed`);
  for (const t of missed) log(`  missed: ${t.subject}: ${t.goal} (measured ${t.value.toFixed(2)} ${t.unit})`);
}

// Raw latency arrays stay out of the file: their summaries are kept, and thousands of samples are not
// something a reader of the JSON wants to scroll through.
function jsonReplacer(_key, value) {
  if (value instanceof Float64Array) return undefined;
  if (typeof value === "number" && !Number.isInteger(value)) return Math.round(value * 1000) / 1000;
  return value;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
