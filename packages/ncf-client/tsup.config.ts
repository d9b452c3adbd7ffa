import { defineConfig, type Options } from "tsup";
import base from "../../tsup.base.js";

// The shared build, plus the prune entry (`@fnapi/ncf-client/prune`, decision record 0012). The prune entry
// imports this package by its own name (external): it drives the client the program made, with the same error
// classes, whichever build (web or server) the export conditions chose for it.
const shared = base as Options;
export default defineConfig({
  ...shared,
  entry: [...(shared.entry as string[]), "src/prune/index.ts"],
  external: [...(shared.external ?? []), /^@fnapi\/ncf-client$/],
});
