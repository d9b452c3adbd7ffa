import { defineConfig } from "tsup";
import base from "../../tsup.base.js";

// The root entry and `@fnapi/runtime/internal` (helpers of fnapi's own clients, no semver promise).
export default defineConfig({ ...(base as object), entry: ["src/index.ts", "src/internal.ts"] });
