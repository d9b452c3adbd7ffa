import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The packages' own tests run on the sources of every workspace package they import (no build needed):
// the same mapping as the `paths` of tsconfig.base.json. contract-tests, by contrast, runs the built packages.
const source = (name: string, entry = "index") =>
  fileURLToPath(new URL(`./packages/${name}/src/${entry}.ts`, import.meta.url));

// The network guard (scripts/network-guard): no test may connect anywhere but loopback.
const guard = (file: string) => fileURLToPath(new URL(`./scripts/network-guard/${file}`, import.meta.url));
export const networkGuard = { globalSetup: [guard("global-set-up.mjs")], setupFiles: [guard("set-up.mjs")] };

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@fnapi\/runtime$/, replacement: source("runtime") },
      { find: /^@fnapi\/runtime\/internal$/, replacement: source("runtime", "internal") },
      { find: /^@fnapi\/runtime\/openapi$/, replacement: source("runtime", "openapi") },
      // Test utilities shared by the packages' tests: a path here only, never published.
      { find: /^@fnapi\/runtime\/testing$/, replacement: source("runtime", "test/index") },
      { find: /^@fnapi\/auth$/, replacement: source("auth") },
      { find: /^@fnapi\/auth\/server$/, replacement: source("auth", "server") },
      { find: /^@fnapi\/auth\/credentials$/, replacement: source("auth", "credentials") },
      { find: /^@fnapi\/ncf-client$/, replacement: source("ncf-client") },
      { find: /^@fnapi\/fgs-client$/, replacement: source("fgs-client") },
      { find: /^@fnapi\/fgs-client\/prune$/, replacement: source("fgs-client", "prune/index") },
      { find: /^@fnapi\/ncf-client\/prune$/, replacement: source("ncf-client", "prune/index") },
    ],
  },
  test: {
    include: ["src/**/*.test.ts"],
    // A bound a loaded machine meets (2 cores shared with other work): vitest's 5 s default is not one.
    testTimeout: 30_000,
    ...networkGuard,
    typecheck: { enabled: true, include: ["src/**/*.test-d.ts"], tsconfig: "./tsconfig.test.json" },
  },
});
