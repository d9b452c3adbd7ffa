import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../../vitest.shared.js";

// The shared config runs the tests on the workspace packages' sources (the clients, @fnapi/auth). The
// emulator itself reads @fnapi/specs' built `dist/*.json` (turbo builds @fnapi/specs before this test).
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      typecheck: { enabled: false },
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  }),
);
