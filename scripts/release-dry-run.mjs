// The release, rehearsed without publishing anything (part of npm test).
//
// In a throwaway copy of the repository (the working tree's files, the built dist/ folders, a fresh git
// repository on `main`) it runs what `npm run version` and `npm run release` run, minus the upload:
//   1. `changeset status`: the release plan of the pending .changeset/*.md files. Only public packages may be
//      released; the private contract-tests workspace never is (bench is not a workspace).
//   2. `changeset version` + `npm install --package-lock-only` (= `npm run version`): every released package
//      gets its new version and a CHANGELOG.md section; every workspace's dependency on an @fnapi package is
//      pinned to that package's new version (so npm still links the workspace instead of fetching it); the
//      lock file agrees; no changeset is left behind.
//   3. `npm publish --dry-run` for each public workspace (what `changeset publish` runs for each): the tarball
//      holds the package's README, its built files and nothing from src/.
// The copy is removed afterwards; the repository is never touched (CHANGELOG.md files are made by
// `npm run version` at release time, never committed by hand).
//
//   node scripts/release-dry-run.mjs [--keep]
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const changeset = join(root, "node_modules", "@changesets", "cli", "bin.js");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const keep = process.argv.includes("--keep");

function run(command, args, cwd, label = `${command} ${args.join(" ")}`) {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NO_COLOR: "1",
        FORCE_COLOR: "0",
        GIT_AUTHOR_NAME: "release dry run",
        GIT_AUTHOR_EMAIL: "dry-run@invalid",
        GIT_COMMITTER_NAME: "release dry run",
        GIT_COMMITTER_EMAIL: "dry-run@invalid",
        npm_config_update_notifier: "false",
      },
    });
  } catch (error) {
    console.error(`FAIL  ${label}\n${error.stdout ?? ""}${error.stderr ?? ""}`);
    throw new Error(`release dry run failed at: ${label}`);
  }
}
const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));
const problems = [];
const check = (condition, message) => condition || problems.push(message);

const work = mkdtempSync(join(tmpdir(), "fnapi-release-"));
try {
  // The workspaces, from the real repository.
  const rootManifest = readJson(join(root, "package.json"));
  const workspaces = rootManifest.workspaces
    .flatMap((pattern) =>
      pattern.endsWith("/*")
        ? readdirSync(join(root, pattern.slice(0, -2))).map((d) => `${pattern.slice(0, -2)}/${d}`)
        : [pattern],
    )
    .filter((dir) => existsSync(join(root, dir, "package.json")))
    .map((dir) => ({ dir, ...readJson(join(root, dir, "package.json")) }));
  const publics = workspaces.filter((w) => !w.private);
  const privates = new Set(workspaces.filter((w) => w.private).map((w) => w.name));

  // 0. The copy: tracked and untracked-but-not-ignored files, plus the builds.
  const copy = join(work, "repo");
  const files = run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], root)
    .split("\0")
    .filter((f) => f && existsSync(join(root, f)));
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(root, file), join(copy, file));
  }
  for (const { dir, name } of publics) {
    const dist = join(root, dir, "dist");
    check(existsSync(dist), `${name}: ${dir}/dist is missing (run npm run build first)`);
    if (existsSync(dist)) cpSync(dist, join(copy, dir, "dist"), { recursive: true });
  }
  run("git", ["init", "-q", "-b", "main"], copy);
  run("git", ["add", "-A"], copy);
  run("git", ["commit", "-q", "--no-verify", "-m", "release dry run"], copy);

  // 1. The plan.
  run(process.execPath, [changeset, "status", "--output", "status.json"], copy, "changeset status");
  const plan = readJson(join(copy, "status.json"));
  rmSync(join(copy, "status.json"));
  const releases = plan.releases.filter((r) => r.type !== "none");
  for (const r of releases) check(!privates.has(r.name), `the plan releases the private package ${r.name}`);
  console.log(
    releases.length
      ? `release plan (${plan.changesets.length} changesets): ${releases.map((r) => `${r.name} ${r.oldVersion} → ${r.newVersion} (${r.type})`).join(", ")}`
      : "no pending changesets: nothing to version",
  );

  // 2. npm run version.
  run(process.execPath, [changeset, "version"], copy, "changeset version");
  run(
    npm,
    ["install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund"],
    copy,
    "npm install --package-lock-only",
  );
  const versions = new Map(
    workspaces.map((w) => [w.name, readJson(join(copy, w.dir, "package.json")).version]),
  );
  for (const r of releases) {
    check(
      versions.get(r.name) === r.newVersion,
      `${r.name} is ${versions.get(r.name)}, planned ${r.newVersion}`,
    );
    const dir = workspaces.find((w) => w.name === r.name)?.dir;
    const changelog = join(copy, dir, "CHANGELOG.md");
    check(
      existsSync(changelog) && readFileSync(changelog, "utf8").includes(`## ${r.newVersion}`),
      `${r.name}: CHANGELOG.md has no section for ${r.newVersion}`,
    );
  }
  for (const w of workspaces) {
    check(versions.get(w.name) === w.version || !privates.has(w.name), `private ${w.name} was versioned`);
    const manifest = readJson(join(copy, w.dir, "package.json"));
    for (const field of ["dependencies", "devDependencies", "peerDependencies"]) {
      for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
        if (versions.has(dep) && !privates.has(dep)) {
          check(
            range === versions.get(dep),
            `${w.name} ${field} pins ${dep}@${range}, the workspace is ${versions.get(dep)}`,
          );
        }
      }
    }
  }
  const lock = readJson(join(copy, "package-lock.json"));
  for (const w of workspaces) {
    check(
      lock.packages[w.dir]?.version === versions.get(w.name) || privates.has(w.name),
      `package-lock.json has ${w.dir} at ${lock.packages[w.dir]?.version}`,
    );
    check(
      lock.packages[`node_modules/${w.name}`]?.link === true,
      `package-lock.json no longer links ${w.name} to ${w.dir}`,
    );
  }
  const leftover = readdirSync(join(copy, ".changeset")).filter(
    (f) => f.endsWith(".md") && f !== "README.md",
  );
  check(leftover.length === 0, `changeset version left ${leftover.join(", ")}`);

  // 3. npm publish --dry-run, as changeset publish would run it.
  for (const { dir, name } of publics) {
    const out = run(
      npm,
      ["publish", "--dry-run", "--json", "--access", "public", "--tag", "latest"],
      join(copy, dir),
      `npm publish --dry-run ${name}`,
    );
    const report = JSON.parse(out.slice(out.indexOf("{")))[name] ?? {};
    const paths = (report.files ?? []).map((f) => f.path);
    check(report.version === versions.get(name), `${name}: would publish ${report.version}`);
    check(paths.includes("README.md") && paths.includes("package.json"), `${name}: tarball lacks README.md`);
    check(
      !paths.some((p) => p.startsWith("src/") || p.includes(".test.")),
      `${name}: tarball has sources or tests`,
    );
    const entry = dir === "specs" ? "dist/ncf.json" : "dist/index.js";
    check(paths.includes(entry), `${name}: tarball lacks ${entry}`);
    if (paths.includes(entry))
      console.log(`  ${name}@${report.version}: ${paths.length} files, ${report.size} bytes packed`);
  }

  if (problems.length) {
    console.error(`release dry run: ${problems.length} problem(s)\n- ${problems.join("\n- ")}`);
    process.exitCode = 1;
  } else {
    console.log("release dry run passed (nothing was published)");
  }
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
