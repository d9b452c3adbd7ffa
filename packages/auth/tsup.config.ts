import { defineConfig } from "tsup";

// One ESM and one CommonJS build, each with its own declarations (index.d.ts / index.d.cts).
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  sourcemap: true,
});
