// The probe of the server runtimes (Node, Deno, Bun): imports the packages by name, so each runtime picks the
// build its export condition (`node`, `deno`, `bun`) gives, runs the checks and prints one JSON line.
// Run by scripts/runtimes/matrix.mjs with FNAPI_MATRIX_EMULATOR (the emulator's URL) and FNAPI_MATRIX_VECTORS
// (the folder of the signing vectors) set.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import process from "node:process";
import * as auth from "@fnapi/auth/server";
import * as fgs from "@fnapi/fgs-client";
import * as ncf from "@fnapi/ncf-client";
import { runChecks } from "./checks.mjs";

const vectorsDir = process.env.FNAPI_MATRIX_VECTORS;
const load = (name) => JSON.parse(readFileSync(`${vectorsDir}/${name}`, "utf8")).vectors;

const result = await runChecks({
  auth,
  ncf,
  fgs,
  vectors: { ncp: load("ncp-signature-v2.json"), huawei: load("huawei-sdk-hmac-sha256.json") },
  emulatorUrl: process.env.FNAPI_MATRIX_EMULATOR,
  server: true,
});
result.resolved = Object.fromEntries(
  ["@fnapi/auth", "@fnapi/auth/server", "@fnapi/ncf-client", "@fnapi/fgs-client"].map((name) => [
    name,
    import.meta.resolve(name),
  ]),
);
// CommonJS too: `require` resolves through the same conditions to dist/server.cjs, which asks the credential
// chain (the environment) when no credential option is given.
const require = createRequire(import.meta.url);
result.required = Object.fromEntries(
  ["@fnapi/auth/server", "@fnapi/ncf-client", "@fnapi/fgs-client"].map((name) => [
    name,
    require.resolve(name),
  ]),
);
const cjs = { ncf: require("@fnapi/ncf-client"), fgs: require("@fnapi/fgs-client") };
cjs.ncf.createNcfClient({ baseUrl: `${process.env.FNAPI_MATRIX_EMULATOR}/ncf/api/v2` });
cjs.fgs.createFgsClient({ baseUrl: process.env.FNAPI_MATRIX_EMULATOR });
result.requiredClientsCreated = true;
process.stdout.write(`${JSON.stringify(result)}\n`);
