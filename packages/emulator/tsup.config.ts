import { cpSync } from "node:fs";
import { defineConfig } from "tsup";

// A Node-only server: one ESM build (no CommonJS: `require()` of it works on Node >= 20.19 through
// require(esm), and a server is started, not bundled), the library entry, the command (`@fnapi/emulator/command`, what `fnapi emulator` loads) and the bin.
export default defineConfig({
  entry: ["src/index.ts", "src/command.ts", "src/cli.ts"],
  format: ["esm"],
  dts: { entry: ["src/index.ts", "src/command.ts"] },
  clean: true,
  target: "node20",
  platform: "node",
  sourcemap: true,
  // The inspector page's plain HTML/CSS/JS, beside the bundle (read from `new URL("./ui/…", import.meta.url)`).
  onSuccess: async () => {
    cpSync("src/inspector/ui", "dist/ui", { recursive: true });
  },
});
