import { defineConfig, type Options } from "tsup";

// The build every published package shares: one ESM and one CommonJS build, each with its own declarations
// (index.d.ts / index.d.cts). Each package's tsup.config.ts re-exports this.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
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
