// The drift check: fails when the committed generated code (packages/*/src/generated) differs from what the
// specs generate now, or the committed signing test vectors from what specs/scripts/generate-test-vectors.mjs
// computes.
//
// It never writes into the working tree. Each package's own `generate` script stays the single description of
// what is generated from which spec: the script runs in a temporary mirror of the repository (specs/ and each
// generating package's package.json, with node_modules linked), and the mirror's src/generated is compared file
// by file with the working tree's. openapi-typescript's own --check is unreliable with several specs, hence
// the regeneration.
//
//   node scripts/check-generated.mjs [--keep]      (npm run check:generated; part of npm test)
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const keep = process.argv.includes("--keep");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Workspace packages under packages/ whose package.json has a `generate` script. */
function generatingPackages() {
  return readdirSync(join(root, "packages"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join("packages", entry.name))
    .filter((dir) => {
      const manifest = join(root, dir, "package.json");
      return existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).scripts?.generate;
    });
}

/** Every file under dir, as paths relative to dir ([] when dir does not exist). */
function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

const mirror = mkdtempSync(join(tmpdir(), "fnapi-generated-"));
const problems = [];
try {
  // What a generate script may read: the specs (and the Redocly config openapi-typescript looks for).
  cpSync(join(root, "specs"), join(mirror, "specs"), {
    recursive: true,
    filter: (source) => !/[/\\](node_modules|dist)$/.test(source),
  });
  symlinkSync(join(root, "node_modules"), join(mirror, "node_modules"), "junction");

  const packages = generatingPackages();
  for (const dir of packages) {
    mkdirSync(join(mirror, dir, "src"), { recursive: true });
    cpSync(join(root, dir, "package.json"), join(mirror, dir, "package.json"));
    if (existsSync(join(root, dir, "node_modules")))
      symlinkSync(join(root, dir, "node_modules"), join(mirror, dir, "node_modules"), "junction");
    try {
      execFileSync(npm, ["run", "--silent", "generate"], {
        cwd: join(mirror, dir),
        stdio: ["ignore", "pipe", "pipe"],
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
      });
    } catch (error) {
      problems.push(`${dir}: \`npm run generate\` failed:\n${error.stdout ?? ""}${error.stderr ?? ""}`);
      continue;
    }

    const fresh = join(mirror, dir, "src", "generated");
    const committed = join(root, dir, "src", "generated");
    const freshFiles = filesUnder(fresh);
    const committedFiles = filesUnder(committed);
    for (const file of new Set([...freshFiles, ...committedFiles])) {
      const path = join(dir, "src", "generated", file);
      if (!committedFiles.includes(file)) problems.push(`${path} is generated but not committed`);
      else if (!freshFiles.includes(file)) problems.push(`${path} is committed but no longer generated`);
      else if (!readFileSync(join(fresh, file)).equals(readFileSync(join(committed, file))))
        problems.push(`${path} differs from what the specs generate`);
    }
  }

  if (problems.length) {
    console.error(
      `Generated code drifted from specs/ (run \`npm run generate\` and commit):\n  ${problems.join("\n  ")}`,
    );
    process.exitCode = 1;
  } else {
    console.log(`generated code matches specs/ (${packages.join(", ")})`);
  }
} finally {
  if (keep) console.log(`kept ${mirror}`);
  else rmSync(mirror, { recursive: true, force: true });
}

if (!process.exitCode) {
  execFileSync(process.execPath, [join(root, "specs", "scripts", "generate-test-vectors.mjs"), "--check"], {
    stdio: "inherit",
  });
}
