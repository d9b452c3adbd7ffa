// The public surface of each published package, as API reports (api-extractor) committed in
// packages/<name>/api/: `<name>.api.md` for the main entry's declarations and `<name>-<file>.api.md` for each
// other declaration file its `exports` name (the server builds: `ncf-client-server.api.md`). `npm test` fails
// when the built declarations no longer match the committed reports, i.e. when an export, a signature or a
// type changed without the report changing; the change then shows in review as a diff of the report.
// `npm run api:update` (or this script with --update) rewrites them. A public item without a doc comment
// (ae-undocumented) or a type an export uses without exporting it (ae-forgotten-export) fails either way. Every package under packages/ that is
// not private is covered. Reads the built declarations: the packages must be built first (turbo does).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { Extractor, ExtractorConfig } from "@microsoft/api-extractor";

const update = process.argv.includes("--update");
// The packages whose every public item must be documented and whose every used type exported (issue 16);
// the others are held to it once their owners have done the same.
const STRICT = new Set(["auth", "runtime", "ncf-client", "fgs-client"]);
const root = resolve(import.meta.dirname, "..");
const temp = mkdtempSync(join(tmpdir(), "fnapi-api-"));

/** Every declaration file a published package's `exports` name for `import`, each with its report's name. */
function entries() {
  const found = [];
  for (const name of readdirSync(join(root, "packages")).sort()) {
    const manifest = join(root, "packages", name, "package.json");
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, "utf8"));
    if (pkg.private) continue;
    const types = new Set();
    const visit = (node, condition) => {
      if (typeof node === "string") {
        if (condition === "types" && node.endsWith(".d.ts")) types.add(node);
      } else if (node && typeof node === "object") {
        for (const [key, value] of Object.entries(node)) if (key !== "require") visit(value, key);
      }
    };
    visit(pkg.exports ?? {}, undefined);
    for (const file of [...types].sort()) {
      const stem = basename(file, ".d.ts");
      found.push({ name, file, report: stem === "index" ? name : `${name}-${stem}` });
    }
  }
  return found;
}

const reports = entries();
const changed = [];
try {
  for (const { name, file, report } of reports) {
    const projectFolder = join(root, "packages", name);
    if (!existsSync(join(projectFolder, file))) {
      console.error(`packages/${name}/${file} is missing: build first (npm run build)`);
      process.exit(1);
    }
    if (update) mkdirSync(join(projectFolder, "api"), { recursive: true });
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder,
        mainEntryPointFilePath: join(projectFolder, file),
        compiler: {
          overrideTsconfig: {
            compilerOptions: { lib: ["ES2022", "DOM", "DOM.Iterable"], types: [], skipLibCheck: true },
          },
        },
        apiReport: {
          enabled: true,
          reportFileName: report,
          reportFolder: "<projectFolder>/api/",
          reportTempFolder: join(temp, report),
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          // The packages use plain doc comments, not release tags (@public, @beta) or strict TSDoc.
          extractorMessageReporting: {
            default: { logLevel: "warning" },
            "ae-missing-release-tag": { logLevel: "none", addToApiReportFile: false },
            // Every public item has a doc comment, and every type an export uses is exported itself: either
            // is an error here (also with --update), so no report can carry one.
            "ae-undocumented": { logLevel: "error", addToApiReportFile: false },
            "ae-forgotten-export": { logLevel: "error", addToApiReportFile: false },
          },
          tsdocMessageReporting: { default: { logLevel: "none" } },
          compilerMessageReporting: { default: { logLevel: "error" } },
        },
      },
      configObjectFullPath: join(projectFolder, "api-extractor.json"),
      packageJsonFullPath: join(projectFolder, "package.json"),
    });
    const result = Extractor.invoke(config, {
      localBuild: update,
      messageCallback: (message) => {
        quiet(message);
        if (STRICT.has(name) && !isGeneratedDeclaration(message)) return;
        // Packages not yet held to it, and openapi-typescript's generated types (src/generated is never
        // edited by hand, and its members carry the spec's descriptions where the spec has them).
        if (
          message.messageId === "ae-undocumented" ||
          (message.messageId === "ae-forgotten-export" && !STRICT.has(name))
        ) {
          message.logLevel = "none";
          message.handled = true;
        }
      },
    });
    if (!result.succeeded && !(result.apiReportChanged && result.errorCount === 0)) {
      console.error(`api-extractor failed for packages/${name}/${file}: ${result.errorCount} errors`);
      process.exitCode = 1;
    }
    if (result.apiReportChanged) changed.push(`packages/${name}/api/${report}.api.md`);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}

if (update) {
  console.log(changed.length ? `API reports updated: ${changed.join(", ")}` : "API reports are up to date");
} else if (changed.length) {
  console.error(
    `The public API changed, but its report did not: ${changed.join(", ")}.\n` +
      "If the change is intended, run `npm run api:update` and commit packages/*/api/*.api.md " +
      "(with a changeset for the packages whose surface changed).",
  );
  process.exitCode = 1;
} else if (!process.exitCode) {
  console.log(
    `${reports.length} API reports match the built declarations (${reports.map((r) => r.report).join(", ")})`,
  );
}

/** Whether an api-extractor message is about a declaration generated by openapi-typescript. */
function isGeneratedDeclaration(message) {
  if (message.messageId !== "ae-undocumented" || !message.sourceFilePath) return false;
  const lines = readFileSync(message.sourceFilePath, "utf8").split("\n");
  // Walk up to the top-level declaration that holds the line.
  for (let i = (message.sourceFileLine ?? 1) - 1; i >= 0; i--) {
    const line = lines[i] ?? "";
    if (/^(declare )?(interface|type) /.test(line)) {
      return /^(declare )?(interface|type) (paths|components|operations|webhooks|\$defs)(\$\d+|_\d+)?\b/.test(
        line,
      );
    }
  }
  return false;
}

/** Keeps api-extractor's progress chatter out of the log; warnings and errors still show. */
function quiet(message) {
  // info and verbose chatter, and api-extractor's own advice on copying reports (this script says what to do)
  if (
    message.logLevel === "info" ||
    message.logLevel === "verbose" ||
    String(message.messageId).startsWith("console-api-report-")
  )
    message.handled = true;
}
