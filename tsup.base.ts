import { existsSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

// The build every published package shares: one ESM and one CommonJS build, each with its own declarations
// (index.d.ts / index.d.cts). Each package's tsup.config.ts re-exports this.
// A package with a `src/server.ts` also gets a server build (node:crypto, credential lookups) beside the web
// build; package.json's export conditions choose between them (`node`, `deno`, `bun` → server).
export default defineConfig({
  entry: ["src/index.ts", ...(existsSync("src/server.ts") ? ["src/server.ts"] : [])],
  external: [/^node:/],
  format: ["esm", "cjs"],
  // Node's types for the server build's declarations only; product sources are typechecked without them.
  dts: { compilerOptions: { types: ["node"] } },
  clean: true,
  target: "es2022",
  platform: "neutral",
  sourcemap: true,
  plugins: [typeScriptDefaultInterop()],
});

// In the CommonJS build, a default import of an external package (`import createClient from "openapi-fetch"`)
// becomes `__toESM(require("openapi-fetch"), 1)`. esbuild passes that `1` (Node's interop: `default` is the whole
// `module.exports`) because this package is `"type": "module"`; but a CommonJS dependency built from ESM (with
// `__esModule`, as openapi-fetch's is) keeps its default export in `exports.default`, which is what TypeScript's
// types (and its own CommonJS output) promise. Dropping the flag restores that: `__esModule` is honoured, and a
// plain CommonJS module still gets `module.exports` as its default. The consumer test runs the result.
function typeScriptDefaultInterop(): NonNullable<Options["plugins"]>[number] {
  return {
    name: "typescript-default-interop",
    renderChunk(code) {
      if (this.format !== "cjs") return;
      return { code: code.replace(/__toESM\((require\("[^"]+"\)), 1\)/g, "__toESM($1)") };
    },
  };
}
