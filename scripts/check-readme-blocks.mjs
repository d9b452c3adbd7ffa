// Runs what the READMEs show, so that no README shows a command or a document that fails (the TypeScript blocks
// are compiled by check-readme-code.mjs). For every README.md of the repository (not node_modules, not
// CHANGELOGs):
//
//   ```sh / bash / shell   run with bash (set -euo pipefail) in a scratch folder that looks like the repository's
//                          root (every top-level entry linked) plus `seed.json`, a copy of examples/seed.json (the
//                          seed every README's `--seed seed.json` means). No credential variable and no HOME of
//                          the machine reach it: a block exports what it uses. Port 4010 is replaced by a free
//                          port in the whole block; a line that starts the emulator in the background (`&`) must
//                          say `--port 4010`, and the block waits until the emulator answers before its next
//                          line. Everything the block started is stopped when it ends. A block fails on any
//                          failing command (exit code, stderr shown).
//   ```json / jsonc        parsed (jsonc: comment lines dropped, then each line is a JSON document). A document
//                          with `ncp` or `huawei` at its top must be accepted by the emulator's seed parser; one
//                          with `operation` and `status`, by the emulator's fault API (201).
//   ```yaml / yml          parsed; a seed is checked as above.
//   ```js / mjs            run with node as an ES module placed in the repository (so `@fnapi/*` resolve).
//   ```ts                  compiled by check-readme-code.mjs; run here when marked `<!-- run -->` (most talk to
//                          the real clouds): with vitest when it imports "vitest", else with tsx, from a folder
//                          where `@fnapi/*` resolve to the built packages.
//
// A block that cannot run says why in an HTML comment on the last non-blank line before it (invisible on
// GitHub and npm): `<!-- not run: publishes to npm -->`. The reason is required. A block that would reach a
// real cloud (an `fnapi ncf|fgs` command without `--base-url` or `--dry-run`) must be marked so, or fixed.
//
// A block whose command is not installed (exit 127, "command not found": Go or a JDK on a workstation) is
// skipped with a message, unless CI is set.
//
// Needs the build (`npm run build`; turbo runs it first). `node scripts/check-readme-blocks.mjs [README…]`
// checks only the files given.
import { spawn } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseSeed, startEmulator } from "@fnapi/emulator";
import { parse as parseYaml } from "yaml";
import { documentedFiles, fencedBlocks } from "./lib/markdown.mjs";

const root = resolve(import.meta.dirname, "..");
const SEED = join(root, "examples", "seed.json");
const NOT_RUN = /^<!--\s*not run(?::\s*(.*?))?\s*-->$/;
const LANGUAGES = {
  sh: "sh",
  bash: "sh",
  shell: "sh",
  json: "json",
  jsonc: "jsonc",
  yaml: "yaml",
  yml: "yaml",
  js: "js",
  mjs: "js",
  ts: "ts",
  typescript: "ts",
};
const RUN = /^<!--\s*run\s*-->$/;
const EMULATOR_START = /(fnapi-emulator|fnapi emulator|npm run emulator)\b.*&\s*(#.*)?$/;
const REAL_CLOUD = /\bfnapi (ncf|fgs) /;
// Commands that change the install, run the whole test suite (this check included) or publish: never run here.
const NEVER_RUN =
  /\b(npm (ci|install|i|uninstall|update|test|publish|version|run (release|version|bench|test)\b)|npx changeset|npm run -w|npm run \S+ -w)\b/;

/** Every README.md of the repository, in a stable order. */
const readmes = () => documentedFiles(root);

/** The fenced blocks of a README in a language it checks: language, first line (1-based), code, marker. */
function blocks(readme) {
  const lines = readFileSync(join(root, readme), "utf8").split("\n");
  return fencedBlocks(lines)
    .filter((block) => LANGUAGES[block.info])
    .map((block) => ({
      readme,
      line: block.open + 2,
      language: LANGUAGES[block.info],
      code: block.code,
      before: block.marker,
    }));
}

const freePort = () =>
  new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });

/** Runs a command in its own process group; when it exits, whatever it left running is stopped. */
function run(command, args, options) {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      stderr += `\n(stopped after ${options.timeoutMs / 1000} s)`;
      kill(child.pid, "SIGKILL");
    }, options.timeoutMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      kill(child.pid, "SIGTERM"); // the background jobs of the block
      setTimeout(() => resolveRun({ code: code ?? signal, stdout, stderr }), 100);
    });
  });
}

function kill(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {}
}

/** A folder that looks like the repository's root, with seed.json; written to freely (the package files are
 * copies, the rest links: a block is refused above when it would install anything). */
function scratchRoot() {
  const dir = mkdtempSync(join(tmpdir(), "fnapi-readme-"));
  for (const entry of readdirSync(root)) {
    if (entry === ".git") continue;
    if (entry === "package.json" || entry === "package-lock.json")
      copyFileSync(join(root, entry), join(dir, entry));
    else symlinkSync(join(root, entry), join(dir, entry));
  }
  copyFileSync(SEED, join(dir, "seed.json"));
  mkdirSync(join(dir, ".home"));
  return dir;
}

/** The machine's environment without credentials or HOME (a block exports what it uses). */
function blockEnvironment(home) {
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(NCLOUD_|HUAWEICLOUD_|FNAPI_)/.test(name) || name === "HOME") continue;
    env[name] = value;
  }
  // Go keeps its build cache under HOME: share the machine's when there is one.
  if (process.env.HOME && !env.GOCACHE) env.GOCACHE = join(process.env.HOME, ".cache", "go-build");
  return { ...env, HOME: home, NO_COLOR: "1" };
}

async function checkShell(block, problems) {
  const lines = block.code.split("\n");
  // The checks read commands, so a line continued with `\` is read with its continuation.
  const commands = block.code.replace(/\\\n/g, " ").split("\n");
  const starts = commands.filter((line) => EMULATOR_START.test(line));
  for (const line of starts)
    if (!/--port 4010\b/.test(line))
      problems.push(
        `${block.readme}:${block.line}: "${line.trim()}" starts the emulator in the background without --port 4010 (say the port, so that the next lines can reach it and this check can move it to a free port)`,
      );
  for (const line of commands)
    if (NEVER_RUN.test(line.replace(/#.*/, "")))
      problems.push(
        `${block.readme}:${block.line}: "${line.trim()}" installs, publishes or runs the test suite: mark the block <!-- not run: why -->`,
      );
  for (const line of commands)
    if (
      REAL_CLOUD.test(line) &&
      !/--base-url|--dry-run|--help|--version/.test(line) &&
      !line.trim().startsWith("#")
    )
      problems.push(
        `${block.readme}:${block.line}: "${line.trim()}" would reach a real cloud: give --base-url (the emulator), --dry-run, or mark the block <!-- not run: why -->`,
      );
  if (problems.length) return;

  const port = await freePort();
  const body = lines
    .map((line) => line.replaceAll("4010", String(port)))
    .flatMap((line) =>
      EMULATOR_START.test(line)
        ? [
            line,
            `__fnapi_wait ${port}`, // added by scripts/check-readme-blocks.mjs
          ]
        : [line],
    );
  const script = [
    "set -euo pipefail",
    "__fnapi_wait() { for _ in $(seq 1 600); do curl -s -o /dev/null http://127.0.0.1:$1/_emulator/ && return 0; sleep 0.1; done; echo 'the emulator did not answer within 60 s' >&2; return 1; }",
    ...body,
    "",
  ].join("\n");
  const dir = scratchRoot();
  try {
    const result = await run("bash", ["-c", script, "readme-block"], {
      cwd: dir,
      env: blockEnvironment(join(dir, ".home")),
      timeoutMs: 300_000,
    });
    const missing = /: ([\w.-]+): command not found/.exec(result.stderr);
    if (result.code === 127 && missing && !process.env.CI) {
      // Go, a JDK or Python missing on a workstation: skipped with a message (never on CI, which installs them).
      console.warn(`skipped ${block.readme}:${block.line}: ${missing[1]} is not installed (CI would fail)`);
      return;
    }
    if (result.code !== 0)
      problems.push(
        `${block.readme}:${block.line}: the sh block failed (exit ${result.code}):\n${indent(block.code)}\n  stdout:\n${indent(tail(result.stdout))}\n  stderr:\n${indent(tail(result.stderr))}`,
      );
    else return `${block.readme}:${block.line}: sh block ran (${lines.length} lines)`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function checkDocument(block, document, problems, emulator) {
  if (document && typeof document === "object" && ("ncp" in document || "huawei" in document)) {
    try {
      parseSeed(document);
    } catch (error) {
      problems.push(`${block.readme}:${block.line}: the seed is refused by the emulator: ${error.message}`);
      return;
    }
    return "a seed the emulator accepts";
  }
  if (document && typeof document === "object" && "operation" in document && "status" in document) {
    const response = await fetch(`${emulator.url}/_emulator/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(document),
    });
    const text = await response.text();
    await fetch(`${emulator.url}/_emulator/faults`, { method: "DELETE" });
    if (response.status !== 201) {
      problems.push(
        `${block.readme}:${block.line}: the fault is refused by the emulator: ${response.status} ${text}`,
      );
      return;
    }
    return "a fault the emulator accepts";
  }
  return "valid";
}

async function checkData(block, problems, emulator) {
  let documents;
  try {
    if (block.language === "json") documents = [JSON.parse(block.code)];
    else if (block.language === "yaml") documents = [parseYaml(block.code)];
    else
      documents = block.code
        .split("\n")
        .filter((line) => line.trim() && !line.trim().startsWith("//"))
        .map((line) => JSON.parse(line));
  } catch (error) {
    problems.push(
      `${block.readme}:${block.line}: the ${block.language} block does not parse: ${error.message}`,
    );
    return;
  }
  const verdicts = [];
  for (const document of documents) verdicts.push(await checkDocument(block, document, problems, emulator));
  if (verdicts.every(Boolean))
    return `${block.readme}:${block.line}: ${block.language}: ${verdicts.join(", ")}`;
}

async function checkTypeScript(block, problems) {
  const dir = mkdtempSync(join(tmpdir(), "fnapi-readme-ts-"));
  try {
    symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
    writeFileSync(join(dir, "package.json"), '{ "private": true, "type": "module" }\n');
    const vitest = /from "vitest"/.test(block.code);
    const file = vitest ? "readme-block.test.ts" : "readme-block.ts";
    writeFileSync(join(dir, file), `${block.code}\n`);
    const args = vitest
      ? [join(root, "node_modules", "vitest", "vitest.mjs"), "run", "--root", dir, file]
      : [join(root, "node_modules", "tsx", "dist", "cli.mjs"), file];
    const result = await run(process.execPath, args, {
      cwd: dir,
      env: blockEnvironment(dir),
      timeoutMs: 120_000,
    });
    if (result.code !== 0)
      problems.push(
        `${block.readme}:${block.line}: the ts block failed (exit ${result.code}):\n${indent(tail(`${result.stdout}\n${result.stderr}`))}`,
      );
    else return `${block.readme}:${block.line}: ts block ran${vitest ? " (vitest)" : ""}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function checkScript(block, problems) {
  const dir = join(root, "node_modules", ".cache", "fnapi-readme-blocks");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${block.readme.replaceAll("/", "_")}-L${block.line}.mjs`);
  writeFileSync(file, `${block.code}\n`);
  const result = await run(process.execPath, [file], {
    cwd: root,
    env: blockEnvironment(dir),
    timeoutMs: 60_000,
  });
  if (result.code !== 0)
    problems.push(
      `${block.readme}:${block.line}: the js block failed (exit ${result.code}):\n${indent(tail(result.stderr))}`,
    );
  else return `${block.readme}:${block.line}: js block ran`;
}

const indent = (text) =>
  text
    .trimEnd()
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
const tail = (text) => text.trimEnd().split("\n").slice(-25).join("\n");

const only = process.argv.slice(2).map((file) => relative(root, resolve(file)));
const files = only.length ? only : readmes();
const problems = [];
const passed = [];
let skipped = 0;
if (!existsSync(join(root, "packages", "emulator", "dist", "cli.js")))
  problems.push("the emulator is not built: run npm run build first");
const emulator = problems.length ? undefined : await startEmulator({ port: 0, seed: {} });
try {
  for (const readme of problems.length ? [] : files) {
    for (const block of blocks(readme)) {
      const skip = NOT_RUN.exec(block.before);
      if (skip) {
        if (!skip[1])
          problems.push(`${readme}:${block.line}: "<!-- not run -->" needs a reason: <!-- not run: why -->`);
        skipped++;
        continue;
      }
      if (block.language === "ts" && !RUN.test(block.before)) continue; // compiled only (check:readme)
      const own = [];
      const verdict =
        block.language === "ts"
          ? await checkTypeScript(block, own)
          : block.language === "sh"
            ? await checkShell(block, own)
            : block.language === "js"
              ? await checkScript(block, own)
              : await checkData(block, own, emulator);
      problems.push(...own);
      if (verdict && !own.length) {
        passed.push(verdict);
        console.log(`ok  ${verdict}`);
      } else if (own.length) console.log(`FAIL ${readme}:${block.line}`);
    }
  }
} finally {
  await emulator?.close();
}

if (problems.length) {
  console.error(`\nREADME blocks that fail:\n${problems.join("\n")}`);
  console.error(
    "\nFix the README (or, only for a block that cannot run, mark it with <!-- not run: why --> right before it).",
  );
  process.exit(1);
}
console.log(
  `${passed.length} README blocks run or validated (${skipped} marked not run), in ${files.length} READMEs`,
);
