#!/usr/bin/env node
// The `fnapi` bin. Committed (not built) so that npm links it when it installs the workspace, before any
// build: in a fresh clone `npm ci` then `npm run build` makes `npx fnapi` work without a second install.
// It only loads the build.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const build = new URL("../dist/bin.js", import.meta.url);
if (!existsSync(fileURLToPath(build))) {
  process.stderr.write(
    `fnapi: the build is missing (${fileURLToPath(build)}); run npm run build first (at the repository's root)\n`,
  );
  process.exit(1);
}
await import(build.href);
