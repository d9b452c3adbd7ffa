import { defineConfig } from "vitest/config";
import { networkGuard } from "../../vitest.shared.js";

// The tests run the built bin (`dist/bin.js`) as a child process, as users run it, against @fnapi/emulator
// (its build) in this process. turbo builds this package and its dependencies before `test`; no aliases to
// the workspace sources, so what is tested is what is published.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    ...networkGuard,
  },
});
