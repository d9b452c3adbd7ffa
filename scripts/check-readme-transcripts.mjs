// Every transcript in a README is produced by running it. A transcript is a ```console block: `$ ` lines are
// commands, the lines after one are what it printed (stdout and stderr, in the order written), and an
// optional `# exit N` line is its exit code (none: 0). The line right before the block says how it runs:
//
//   <!-- transcript: examples/prune-seed.json -->   a fresh emulator with that committed seed, on a free
//                    loopback port that every `4010` of the block stands for; the commands run one after the
//                    other in one bash (an `export` carries on), from the repository's root, with no credential
//                    variable and no HOME of the machine, stdin not a terminal
//   <!-- not run: why -->                           a block that cannot run says why (required)
//
// The output must equal the block byte for byte, apart from the variable parts, which are masked on both
// sides before comparing (VARIABLE below): durations (`81 ms`, `1.2 s`, `"durationMs":83`), the moment a
// plan was made (`"createdAt":"…"`), request ids, the port (written 4010) and the empty HOME it runs with
// (written /home/ci). A block without a marker
// fails: README checks that skip transcripts are not checks.
//
//   node scripts/check-readme-transcripts.mjs [--write] [README…]   (--write: rewrite the blocks from a run)
//
// Needs the build (`npm run build`).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { startEmulator } from "@fnapi/emulator";
import { documentedFiles, fencedBlocks } from "./lib/markdown.mjs";

const root = resolve(import.meta.dirname, "..");
const TRANSCRIPT = /^<!--\s*transcript:\s*(\S+)\s*-->$/;
const NOT_RUN = /^<!--\s*not run:\s*\S.*-->$/;
const PORT = "4010";
/** The empty home directory a transcript runs with, as the README shows it. */
const HOME_SHOWN = "/home/ci";
const VARIABLE = [
  [/\b\d+(\.\d+)? (ms|s)\b/g, "<duration>"],
  [/"durationMs":\d+/g, '"durationMs":<duration>'],
  [/"createdAt":"[^"]*"/g, '"createdAt":"<time>"'],
  [/(request id|"requestId":)\s*"?[\w-]{8,}"?/g, "$1 <id>"],
];
const mask = (text) => VARIABLE.reduce((t, [pattern, by]) => t.replace(pattern, by), text);

const readmes = () => documentedFiles(root);

/** The ```console blocks of a file: where they start and end (0-based line indexes), and the marker. */
const consoleBlocks = (lines) => fencedBlocks(lines).filter((block) => block.info === "console");

/** A block's commands, each with the lines it printed and its exit code. */
function parse(body) {
  const steps = [];
  for (const line of body) {
    if (line.startsWith("$ ")) steps.push({ command: line.slice(2), output: [], exit: 0 });
    else if (steps.length === 0) throw new Error(`a transcript starts with "$ ", not "${line}"`);
    else if (/^# exit \d+$/.test(line)) steps.at(-1).exit = Number(line.slice(7));
    else steps.at(-1).output.push(line);
  }
  return steps;
}

function render(steps) {
  return steps.flatMap((s) => [`$ ${s.command}`, ...s.output, ...(s.exit ? [`# exit ${s.exit}`] : [])]);
}

function runBash(script, env) {
  return new Promise((done) => {
    const child = spawn("bash", ["-c", script], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c) => {
      out += c;
    });
    child.stderr.on("data", (c) => {
      out += c;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, out });
    });
  });
}

async function runTranscript(seedFile, steps) {
  const seed = JSON.parse(readFileSync(join(root, seedFile), "utf8"));
  const emulator = await startEmulator({ port: 0, seed });
  const home = mkdtempSync(join(tmpdir(), "fnapi-transcript-"));
  try {
    const port = String(new URL(emulator.url).port);
    const env = { PATH: process.env.PATH, HOME: home, NO_COLOR: "1", LANG: "C.UTF-8" };
    const sentinel = `__fnapi_step_${process.pid}__`;
    const script = steps
      .map(
        (s, i) =>
          `echo "${sentinel} ${i}"\n${s.command.replaceAll(PORT, port)} 2>&1\necho "${sentinel} exit $?"`,
      )
      .join("\n");
    const { out } = await runBash(script, env);
    const ran = steps.map((s) => ({ command: s.command, output: [], exit: undefined }));
    let current;
    for (const line of out.replace(/\n$/, "").split("\n")) {
      const mark = line.startsWith(sentinel) ? line.slice(sentinel.length + 1) : undefined;
      if (mark?.startsWith("exit ")) current.exit = Number(mark.slice(5));
      else if (mark !== undefined) current = ran[Number(mark)];
      else
        current?.output.push(
          line.replaceAll(`127.0.0.1:${port}`, `127.0.0.1:${PORT}`).replaceAll(home, HOME_SHOWN),
        );
    }
    return ran;
  } finally {
    await emulator.close();
    rmSync(home, { recursive: true, force: true });
  }
}

const write = process.argv.includes("--write");
const only = process.argv
  .slice(2)
  .filter((a) => a !== "--write")
  .map((f) => relative(root, resolve(f)));
const problems = [];
let checked = 0;
for (const file of only.length ? only : readmes()) {
  const lines = readFileSync(join(root, file), "utf8").split("\n");
  const blocks = consoleBlocks(lines);
  // From the last block back, so that --write keeps the earlier blocks' line numbers.
  for (const block of blocks.reverse()) {
    const where = `${file}:${block.open + 1}`;
    if (NOT_RUN.test(block.marker)) continue;
    const seed = TRANSCRIPT.exec(block.marker)?.[1];
    if (!seed) {
      problems.push(`${where}: a console block without <!-- transcript: SEED --> (or <!-- not run: why -->)`);
      continue;
    }
    let steps;
    try {
      steps = parse(lines.slice(block.open + 1, block.close));
    } catch (error) {
      problems.push(`${where}: ${error.message}`);
      continue;
    }
    const ran = await runTranscript(seed, steps);
    checked++;
    const expected = render(steps);
    const actual = render(ran);
    if (write) {
      lines.splice(block.open + 1, block.close - block.open - 1, ...actual);
      continue;
    }
    const a = actual.map(mask);
    const e = expected.map(mask);
    const at = e.findIndex((line, i) => line !== a[i]);
    if (at !== -1 || a.length !== e.length) {
      const i = at === -1 ? Math.min(a.length, e.length) : at;
      problems.push(
        `${where}: the transcript drifted at its line ${i + 1}:\n    README: ${JSON.stringify(expected[i] ?? "(end)")}\n    ran:    ${JSON.stringify(actual[i] ?? "(end)")}\n  (node scripts/check-readme-transcripts.mjs --write ${file} rewrites it from a run; review the diff)`,
      );
    } else console.log(`ok  ${where}: ${steps.length} commands reproduce`);
  }
  if (write) writeFileSync(join(root, file), lines.join("\n"));
}
if (problems.length) {
  console.error(`\nREADME transcripts that do not reproduce:\n${problems.join("\n")}`);
  process.exit(1);
}
console.log(`${checked} transcripts ${write ? "written from a run" : "reproduce"}`);
