// The public surface of each published package, as an API report (api-extractor) committed in
// packages/<name>/api/<name>.api.md. `npm test` fails when the built declarations no longer match the
// committed report, i.e. when an export, a signature or a type changed without the report changing; the
// change then shows in review as a diff of the report. `npm run api:update` (or this script with --update)
// rewrites the reports. Reads the built `dist/index.d.ts`: the packages must be built first (turbo does).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Extractor, ExtractorConfig } from "@microsoft/api-extractor";

const PACKAGES = ["runtime", "auth", "ncf-client", "fgs-client"];
const update = process.argv.includes("--update");
const root = resolve(import.meta.dirname, "..");
const temp = mkdtempSync(join(tmpdir(), "fnapi-api-"));

const changed = [];
try {
  for (const name of PACKAGES) {
    const projectFolder = join(root, "packages", name);
    if (!existsSync(join(projectFolder, "dist", "index.d.ts"))) {
      console.error(`packages/${name}/dist/index.d.ts is missing: build first (npm run build)`);
      process.exit(1);
    }
    if (update) mkdirSync(join(projectFolder, "api"), { recursive: true });
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder,
        mainEntryPointFilePath: "<projectFolder>/dist/index.d.ts",
        compiler: {
          overrideTsconfig: {
            compilerOptions: { lib: ["ES2022", "DOM", "DOM.Iterable"], types: [], skipLibCheck: true },
          },
        },
        apiReport: {
          enabled: true,
          reportFileName: "<unscopedPackageName>",
          reportFolder: "<projectFolder>/api/",
          reportTempFolder: join(temp, name),
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          // The packages use plain doc comments, not release tags (@public, @beta) or strict TSDoc.
          extractorMessageReporting: {
            default: { logLevel: "warning" },
            "ae-missing-release-tag": { logLevel: "none", addToApiReportFile: false },
            "ae-undocumented": { logLevel: "none", addToApiReportFile: false },
            // A type used by an export but not exported itself: noted in the report, for review.
            "ae-forgotten-export": { logLevel: "none", addToApiReportFile: true },
          },
          tsdocMessageReporting: { default: { logLevel: "none" } },
          compilerMessageReporting: { default: { logLevel: "error" } },
        },
      },
      configObjectFullPath: join(projectFolder, "api-extractor.json"),
      packageJsonFullPath: join(projectFolder, "package.json"),
    });
    const result = Extractor.invoke(config, { localBuild: update, messageCallback: quiet });
    if (!result.succeeded && !(result.apiReportChanged && result.errorCount === 0)) {
      console.error(`api-extractor failed for @fnapi/${name}: ${result.errorCount} errors`);
      process.exitCode = 1;
    }
    if (result.apiReportChanged) changed.push(name);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}

if (update) {
  console.log(
    changed.length
      ? `API reports updated: ${changed.map((n) => `packages/${n}/api/${n}.api.md`).join(", ")}`
      : "API reports are up to date",
  );
} else if (changed.length) {
  console.error(
    `The public API of ${changed.map((n) => `@fnapi/${n}`).join(", ")} changed, but its report did not.\n` +
      "If the change is intended, run `npm run api:update` and commit packages/*/api/*.api.md " +
      "(with a changeset for the packages whose surface changed).",
  );
  process.exitCode = 1;
} else if (!process.exitCode) {
  console.log(`API reports match the built declarations (${PACKAGES.map((n) => `@fnapi/${n}`).join(", ")})`);
}

/** Keeps api-extractor's progress chatter out of the log; warnings and errors still show. */
function quiet(message) {
  if (message.logLevel === "info" || message.logLevel === "verbose") message.handled = true;
  else if (
    message.messageId === "console-api-report-changed" ||
    message.messageId === "console-api-report-copied"
  )
    message.handled = true;
}
