import { fileURLToPath } from "node:url";
import { defineConfig, type Options } from "tsup";
import base from "../../tsup.base.js";

// The shared build, plus the prune entry (`@fnapi/fgs-client/prune`, decision record 0012). The prune entry
// imports this package by its own name (external): it drives the client the program made, with the same error
// classes, whichever build (web or server) the export conditions chose for it.
const shared = base as Options;
export default defineConfig({
  ...shared,
  // Named entries: dist/prune.js beside dist/index.js and dist/server.js (and an API report of its own).
  entry: { index: "src/index.ts", server: "src/server.ts", prune: "src/prune/index.ts" },
  external: [...(shared.external ?? []), /^@fnapi\/fgs-client$/],
  // The declarations resolve the package's own name to its sources (tsconfig.base.json's paths, from the
  // repository root), not to a dist/ that this very build is writing.
  dts: { compilerOptions: { types: ["node"], baseUrl: fileURLToPath(new URL("../..", import.meta.url)) } },
});
