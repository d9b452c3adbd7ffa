// The numbers the READMEs show, written from where they are measured or declared, never by hand:
//
//   <!-- generated:NAME -->value<!-- /generated -->
//
// `node scripts/readme-numbers.mjs` (npm test, as `check:numbers`) fails when a region differs from its
// source; `npm run numbers` (`--write`) rewrites every region. Sources:
//
//   size:<package>          size-limit's measurement of the package's entry (`size-limit --json`: what
//                           `npm run check:size` prints), min+gzip, in kB (1,000 bytes), one decimal
//   size-limit:<package>    the budget of that entry in .size-limit.json
//   bundle:<bench id>       bench/results.json (the last `npm run bench`): the one-call bundle, gzipped, in KB
//                           (1,024 bytes), one decimal
//   emulator-rps:ncf|fgs    bench/results.json: the emulator's median signed deletes per second, to the hundred
//   node:<package>|root     the lowest Node version the package's (or the root's) `engines` allows
//   runtime:<dependency>    the version of a runtime of the runtime matrix (scripts/runtimes/package.json)
//
// Sizes change with the code: after a change, `npm run numbers` and commit the READMEs with it.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { documentedFiles } from "./lib/markdown.mjs";

const root = resolve(import.meta.dirname, "..");
const write = process.argv.includes("--write");
const readJson = (path) => JSON.parse(readFileSync(join(root, path), "utf8"));
const REGION = /<!-- generated:(.+?) -->(.*?)<!-- \/generated -->/g;

/** Every README.md of the repository, and the documents of docs/ (the one walker of the README checks). */
const readmes = () => documentedFiles(root);

let sizeLimitRun;
/** size-limit's measurements by package name, run once and only when a README asks for one. */
function measuredSizes() {
  if (!sizeLimitRun) {
    const bin = join(dirname(createRequire(import.meta.url).resolve("size-limit/package.json")), "bin.js");
    let output;
    try {
      output = execFileSync(process.execPath, [bin, "--json"], { cwd: root, encoding: "utf8" });
    } catch (error) {
      // size-limit exits 1 when a budget is exceeded; its JSON is still the measurement (check:size fails).
      output = error.stdout;
      if (!output) throw new Error(`size-limit failed (run npm run build first): ${error.stderr ?? error}`);
    }
    sizeLimitRun = new Map(JSON.parse(output).map((entry) => [entry.name.split(":")[0], entry.size]));
  }
  return sizeLimitRun;
}

const oneDecimal = (n) => n.toFixed(1);
const lowestNode = (range, where) => {
  const match = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(range ?? "");
  if (!match) throw new Error(`${where}: engines.node is ${JSON.stringify(range)}; expected ">=X.Y"`);
  return match[1];
};

const sources = {
  size(name) {
    const bytes = measuredSizes().get(`@fnapi/${name}`);
    if (bytes === undefined) throw new Error(`size-limit measures no entry named "@fnapi/${name}: …"`);
    return `${oneDecimal(bytes / 1000)} kB`;
  },
  "size-limit"(name) {
    const entry = readJson(".size-limit.json").find((e) => e.name.startsWith(`@fnapi/${name}:`));
    if (!entry) throw new Error(`.size-limit.json has no entry named "@fnapi/${name}: …"`);
    return entry.limit;
  },
  bundle(id) {
    const bundle = readJson("bench/results.json").footprint.bundles.find((b) => b.id === `@fnapi/${id}`);
    if (!bundle) throw new Error(`bench/results.json has no bundle "@fnapi/${id}"`);
    return `${oneDecimal(bundle.gzipBytes / 1024)} KB`;
  },
  "emulator-rps"(api) {
    const median = readJson("bench/results.json").emulator.requestsPerSecond[api]?.median;
    if (median === undefined) throw new Error(`bench/results.json has no emulator result for "${api}"`);
    return (Math.round(median / 100) * 100).toLocaleString("en-US");
  },
  node(name) {
    if (name === "root") return lowestNode(readJson("package.json").engines?.node, "package.json");
    const path = name === "specs" ? "specs/package.json" : `packages/${name}/package.json`;
    if (!existsSync(join(root, path))) throw new Error(`${path} does not exist`);
    return lowestNode(readJson(path).engines?.node, path);
  },
  runtime(dependency) {
    const spec = readJson("scripts/runtimes/package.json").dependencies?.[dependency];
    if (!spec) throw new Error(`scripts/runtimes/package.json has no dependency "${dependency}"`);
    return spec.replace(/^npm:.*@/, "");
  },
};

function value(name) {
  const colon = name.indexOf(":");
  const kind = colon < 0 ? name : name.slice(0, colon);
  const source = sources[kind];
  if (!source)
    throw new Error(`unknown generated region "${name}" (known: ${Object.keys(sources).join(", ")})`);
  return source(name.slice(colon + 1));
}

const drift = [];
const errors = [];
let regions = 0;
for (const readme of readmes()) {
  const text = readFileSync(join(root, readme), "utf8");
  const next = text.replace(REGION, (whole, name, shown) => {
    regions++;
    let want;
    try {
      want = value(name);
    } catch (error) {
      errors.push(`${readme}: ${error.message}`);
      return whole;
    }
    if (shown !== want)
      drift.push(`${readme}: ${name} shows ${JSON.stringify(shown)}, measured ${JSON.stringify(want)}`);
    return `<!-- generated:${name} -->${want}<!-- /generated -->`;
  });
  if (write && next !== text) writeFileSync(join(root, readme), next);
}

if (errors.length) {
  console.error(`README numbers that cannot be generated:\n${errors.join("\n")}`);
  process.exit(1);
}
if (drift.length && !write) {
  console.error(`README numbers that differ from their measurement:\n${drift.join("\n")}`);
  console.error("\nRun npm run numbers (it rewrites them) and commit the READMEs.");
  process.exit(1);
}
console.log(
  write
    ? `${regions} generated README numbers, ${drift.length} rewritten`
    : `${regions} generated README numbers match their measurement`,
);
