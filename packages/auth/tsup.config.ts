import { defineConfig, type Options } from "tsup";
import base from "../../tsup.base.js";

// The shared build, plus the credentials entry (`@fnapi/auth/credentials`, decision record 0015): credentials
// that expire and renew themselves, kept out of the main entry so that fixed keys bundle none of it.
const shared = base as Options;
export default defineConfig({
  ...shared,
  entry: { index: "src/index.ts", server: "src/server.ts", credentials: "src/credentials.ts" },
});
