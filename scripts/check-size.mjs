// check:size: size-limit against the budgets in .size-limit.json, which hold the targets and are never raised.
//
// A budget that is missed fails the build unless the miss is reported in bench/size-misses.json with the size
// measured when it was reported and why (docs/decisions/0009). A reported miss still fails the build when the
// bundle grows past the size recorded (a miss can only shrink), and when the budget is met (then the entry
// must be removed). `--record` writes the measured size of each missed budget, and refuses to record a size
// larger than the one already recorded.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const missesFile = join(root, "bench", "size-misses.json");
const record = process.argv.includes("--record");

/** The package an entry measures (`@fnapi/ncf-client: …` -> `@fnapi/ncf-client`): the key of a miss. */
const keyOf = (name) => name.split(":")[0];
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;

function measure() {
  const bin = join(root, "node_modules", ".bin", "size-limit");
  try {
    return JSON.parse(
      execFileSync(bin, ["--json"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }),
    );
  } catch (error) {
    // size-limit exits 1 when a budget is exceeded; its JSON on stdout is still the measurement.
    if (typeof error.stdout === "string" && error.stdout.trim().startsWith("["))
      return JSON.parse(error.stdout);
    throw error;
  }
}

const results = measure();
const misses = existsSync(missesFile) ? JSON.parse(readFileSync(missesFile, "utf8")) : {};
const problems = [];

if (record) {
  const next = {};
  for (const { name, size, sizeLimit } of results) {
    if (size <= sizeLimit) continue;
    const key = keyOf(name);
    const before = misses[key];
    if (before && size > before.measured) {
      problems.push(
        `${key}: ${kB(size)} is larger than the recorded ${kB(before.measured)}; a miss is never raised`,
      );
      continue;
    }
    next[key] = {
      target: sizeLimit,
      measured: size,
      why: before?.why ?? "see docs/decisions/0009-bundle-size.md",
    };
  }
  if (problems.length === 0) writeFileSync(missesFile, `${JSON.stringify(next, null, 2)}\n`);
} else {
  for (const { name, size, sizeLimit } of results) {
    const key = keyOf(name);
    const miss = misses[key];
    if (size <= sizeLimit) {
      console.log(`ok    ${key}: ${kB(size)} within ${kB(sizeLimit)}`);
      if (miss)
        problems.push(`${key}: the budget is met now (${kB(size)}); remove it from bench/size-misses.json`);
    } else if (!miss) {
      problems.push(`${key}: ${kB(size)} is over its budget of ${kB(sizeLimit)} (${name})`);
    } else if (size > miss.measured) {
      problems.push(
        `${key}: ${kB(size)} grew past the reported miss of ${kB(miss.measured)} (budget ${kB(sizeLimit)})`,
      );
    } else {
      console.log(
        `MISS  ${key}: ${kB(size)} against its budget of ${kB(sizeLimit)}, ${kB(size - sizeLimit)} over (reported: ${miss.why})`,
      );
    }
  }
}

if (problems.length > 0) {
  console.error(`\n${problems.join("\n")}`);
  process.exit(1);
}
