import { defineConfig } from "vitest/config";
import { networkGuard } from "../vitest.shared.js";

// Two projects: only the contract suites (and the browser test, which reaches Prism through the page) start
// the Prism mocks; the loopback suites (faults, hostile servers, load, properties, signing capture) start
// their own servers and run without Prism.
const prismSuites = [
  "src/ncf.contract.test.ts",
  "src/fgs.contract.test.ts",
  "src/*.contract.test.ts",
  "src/browser.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    setupFiles: networkGuard.setupFiles,
    projects: [
      {
        extends: true,
        test: {
          name: "prism",
          include: prismSuites,
          globalSetup: [...networkGuard.globalSetup, "src/global-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "loopback",
          include: ["src/**/*.test.ts"],
          exclude: prismSuites,
          globalSetup: networkGuard.globalSetup,
        },
      },
    ],
  },
});
