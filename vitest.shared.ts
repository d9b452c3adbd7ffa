import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The packages' own tests run on the sources of every workspace package they import (no build needed):
// the same mapping as the `paths` of tsconfig.base.json. contract-tests, by contrast, runs the built packages.
const source = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@fnapi/runtime": source("runtime"),
      "@fnapi/auth": source("auth"),
      "@fnapi/ncf-client": source("ncf-client"),
      "@fnapi/fgs-client": source("fgs-client"),
    },
  },
  test: {
    include: ["src/**/*.test.ts"],
    typecheck: { enabled: true, include: ["src/**/*.test-d.ts"], tsconfig: "./tsconfig.test.json" },
  },
});
