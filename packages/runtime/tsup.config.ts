import { defineConfig } from "tsup";
import base from "../../tsup.base.js";

// The root entry, `@fnapi/runtime/internal` (helpers of fnapi's own clients, no semver promise) and
// `@fnapi/runtime/openapi` (the typed openapi-fetch client: only its users load openapi-fetch).
export default defineConfig({
  ...(base as object),
  entry: ["src/index.ts", "src/internal.ts", "src/openapi.ts"],
});
