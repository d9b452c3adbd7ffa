import { defineConfig } from "tsup";

// A Node-only command line: one ESM build (no CommonJS: a bin is run, not bundled; `require()` of the
// library entry works on Node >= 20.19 through require(esm)). The bin and the small library entry (`run`).
// Dependencies stay external: the clients resolve to their server builds through the `node` condition.
export default defineConfig({
  entry: ["src/index.ts", "src/bin.ts"],
  format: ["esm"],
  dts: { entry: "src/index.ts" },
  clean: true,
  target: "node20",
  platform: "node",
  sourcemap: true,
});
