// The probe of workerd: bundled by scripts/runtimes/matrix.mjs with esbuild and the conditions
// `workerd,worker,browser` (what Wrangler uses), so the packages' web build is in the bundle. `workerd test`
// calls the `test` handler; it prints one JSON line, which the harness reads from workerd's output.
import * as auth from "@fnapi/auth";
import * as fgs from "@fnapi/fgs-client";
import * as ncf from "@fnapi/ncf-client";
import huawei from "@fnapi/specs/test-vectors/huawei-sdk-hmac-sha256.json";
import ncp from "@fnapi/specs/test-vectors/ncp-signature-v2.json";
import { runChecks } from "./checks.mjs";

const MARKER = "fnapi-matrix-result ";

export default {
  async test(_controller, env) {
    const result = await runChecks({
      auth,
      ncf,
      fgs,
      vectors: { ncp: ncp.vectors, huawei: huawei.vectors },
      emulatorUrl: env.EMULATOR_URL,
      server: false,
    });
    console.log(MARKER + JSON.stringify(result));
  },
};
