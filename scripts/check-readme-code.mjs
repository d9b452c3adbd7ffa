// Compiles every ```ts code block of the READMEs against the built packages, so that no README shows an API
// that does not exist (or no longer does). Each block becomes a module of a throwaway project inside
// node_modules/.cache, where `@fnapi/*` resolves, as for a user, to the workspace packages (their built
// declarations: run after `npm run build`; turbo does). Checked with `tsc --noEmit`, strict, with Node's types
// (examples read process.env).
//
// Markers, an HTML comment on the last non-blank line before a block (invisible on GitHub and npm):
//   <!-- not compiled: <why> -->   skip the block; only for one that cannot compile, and the reason is required
//   <!-- continues -->             compile the block after the one before it (it uses that block's variables)
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, resolve } from "node:path";
import { documentedFiles, fencedBlocks } from "./lib/markdown.mjs";

const root = resolve(import.meta.dirname, "..");
const out = join(root, "node_modules", ".cache", "fnapi-readme-code");
const readmes = documentedFiles(root);

const SKIP = /^<!--\s*not compiled(?::\s*(.*?))?\s*-->$/;
const CONTINUES = /^<!--\s*continues\s*-->$/;

const problems = [];
/** Each compiled module: its file name and, per line of it, where that line is in which README. */
const modules = [];
let skipped = 0;

for (const readme of readmes) {
  const lines = readFileSync(join(root, readme), "utf8").split("\n");
  let previous; // the segments of the last block compiled from this README
  for (const block of fencedBlocks(lines)) {
    if (block.info !== "ts" && block.info !== "typescript") continue;
    const start = block.open + 1;
    const code = block.code.split("\n");
    const before = block.marker;
    const skip = SKIP.exec(before);
    if (skip) {
      if (!skip[1])
        problems.push(
          `${readme}:${start}: "<!-- not compiled -->" needs a reason: <!-- not compiled: why -->`,
        );
      skipped++;
      continue;
    }
    // A segment maps lines of the module to lines of the README (1-based line `readmeLine` for its first).
    const own = { readme, readmeLine: start + 1, code };
    if (CONTINUES.test(before) && !previous) {
      problems.push(`${readme}:${start}: "<!-- continues -->" but no compiled block comes before it`);
    }
    const segments = CONTINUES.test(before) && previous ? [...previous, own] : [own];
    previous = segments;
    modules.push({ name: `${readme.replaceAll("/", "_")}-L${start + 1}.ts`, segments });
  }
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const module of modules) {
  // `export {}` makes each block a module of its own (top-level await, no clashes between blocks).
  const text = `${module.segments.flatMap((s) => s.code).join("\n")}\nexport {};\n`;
  writeFileSync(join(out, module.name), text);
}
writeFileSync(
  join(out, "tsconfig.json"),
  JSON.stringify(
    {
      compilerOptions: {
        target: "ES2022",
        module: "ESNext",
        moduleResolution: "Bundler",
        lib: ["ES2022", "DOM", "DOM.Iterable"],
        types: ["node"],
        strict: true,
        exactOptionalPropertyTypes: true,
        noEmit: true,
        skipLibCheck: true,
      },
      include: ["*.ts"],
    },
    null,
    2,
  ),
);

let output = "";
try {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", out, "--pretty", "false"], { encoding: "utf8", cwd: root });
} catch (error) {
  output = `${error.stdout ?? ""}${error.stderr ?? ""}`;
}

// Point each compiler error at the README line it comes from.
const byName = new Map(modules.map((m) => [m.name, m]));
for (const line of output.split("\n")) {
  if (!line.trim()) continue;
  const match = /^(.*?)\((\d+),(\d+)\): (.*)$/.exec(line);
  const module = match ? byName.get(relative(out, resolve(root, match[1] ?? ""))) : undefined;
  if (!match || !module) {
    // the indented lines that go on explaining the error before
    if (/^\s/.test(line) && problems.length) problems[problems.length - 1] += `\n${line}`;
    else problems.push(line);
    continue;
  }
  let moduleLine = Number(match[2]);
  let where = `${module.name}:${moduleLine}`;
  for (const segment of module.segments) {
    if (moduleLine <= segment.code.length) {
      where = `${segment.readme}:${segment.readmeLine + moduleLine - 1}:${match[3]}`;
      break;
    }
    moduleLine -= segment.code.length;
  }
  problems.push(`${where} ${match[4]}`);
}

if (problems.length) {
  // A block that others continue is compiled with each of them: report each error once.
  const unique = [...new Set(problems)];
  console.error(`README code blocks that do not compile against the packages:\n${unique.join("\n")}`);
  console.error(
    "\nFix the block (or, only if it cannot compile, mark it with <!-- not compiled: why --> right before it).",
  );
  process.exit(1);
}
console.log(
  `${modules.length} README code blocks compile against the packages (${skipped} marked not compiled), in ${readmes.length} READMEs`,
);
