// check:structure: the shape of product code (every non-test source file under packages/*/src, generated
// code aside), as the guide asks: no file over 250 lines, and no import circle (dpdm, type-only imports
// left out); and one rule of the scripts: every `turbo` a script runs has Turbo's telemetry off (no packet
// leaves the machine). Lists every file, circle and script that breaks a rule, and fails if there is any.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const MAX_LINES = 250;

const isProduct = (path) =>
  /\.(ts|mts|js|mjs)$/.test(path) &&
  !/\.test(-d)?\.[mc]?[jt]s$/.test(path) &&
  !/\.d\.ts$/.test(path) &&
  !path.split("/").includes("generated") &&
  !/\/src\/test\//.test(path);

function productFiles() {
  const files = [];
  for (const pkg of readdirSync(join(root, "packages"))) {
    const src = join(root, "packages", pkg, "src");
    let entries;
    try {
      entries = readdirSync(src, { recursive: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = relative(root, join(src, String(entry)))
        .split("\\")
        .join("/");
      if (isProduct(path)) files.push(path);
    }
  }
  return files.sort();
}

const files = productFiles();
const problems = [];
for (const file of files) {
  const lines = readFileSync(join(root, file), "utf8").split("\n").length - 1;
  if (lines > MAX_LINES) problems.push(`${file}: ${lines} lines (at most ${MAX_LINES}: split it by job)`);
}

let circles = "";
try {
  execFileSync(
    join(root, "node_modules", ".bin", "dpdm"),
    ["-T", "--no-tree", "--no-warning", "--no-progress", "--exit-code", "circular:1", ...files],
    { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
} catch (error) {
  circles = String(error.stdout ?? error.message);
}
for (const line of circles.split("\n")) {
  const circle = /^\s*\d+\)\s+(.*)$/.exec(line);
  if (circle) problems.push(`import circle: ${circle[1]}`);
}
if (circles && !problems.some((p) => p.startsWith("import circle"))) problems.push(`dpdm failed: ${circles}`);

// Every package.json script that runs turbo sets TURBO_TELEMETRY_DISABLED=1 (an `npm run` of it from a shell
// without .ci/run's environment is as quiet as CI).
const manifests = [
  "package.json",
  ...readdirSync(join(root, "packages")).map((p) => `packages/${p}/package.json`),
];
for (const manifest of [...manifests, "contract-tests/package.json", "specs/package.json"]) {
  let scripts;
  try {
    scripts = JSON.parse(readFileSync(join(root, manifest), "utf8")).scripts ?? {};
  } catch {
    continue;
  }
  for (const [name, command] of Object.entries(scripts)) {
    for (const part of String(command).split(/&&|\|\||;/)) {
      if (/(^|\s)turbo\s/.test(part) && !/TURBO_TELEMETRY_DISABLED=1\s/.test(part))
        problems.push(`${manifest}: script "${name}" runs turbo without TURBO_TELEMETRY_DISABLED=1`);
    }
  }
}

console.log(
  `${files.length} product files checked (at most ${MAX_LINES} lines each, no import circle); turbo telemetry off in every script`,
);
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
