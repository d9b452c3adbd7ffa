// Fails when the committed generated clients differ from what the specs generate now (the drift check),
// or the committed signing test vectors from what scripts/generate-test-vectors.mjs writes.
// openapi-typescript's own --check is unreliable with several specs, so regenerate and ask git.
import { execFileSync } from "node:child_process";

execFileSync("npx", ["turbo", "run", "generate", "--force", "--output-logs=errors-only"], {
  stdio: "inherit",
});
const changed = execFileSync("git", ["status", "--porcelain", "--", "packages/*/src/generated"], {
  encoding: "utf8",
});
if (changed.trim()) {
  console.error(`Generated code drifted from specs/ (run \`npm run generate\` and commit):\n${changed}`);
  execFileSync("git", ["--no-pager", "diff", "--stat", "--", "packages/*/src/generated"], {
    stdio: "inherit",
  });
  process.exit(1);
}
console.log("generated clients match specs/");
execFileSync(process.execPath, ["scripts/generate-test-vectors.mjs", "--check"], { stdio: "inherit" });
