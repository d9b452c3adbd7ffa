// The probe of the server runtimes (Node, Deno, Bun): imports the packages by name, so each runtime picks the
// build its export condition (`node`, `deno`, `bun`) gives, runs the checks and prints one JSON line.
// Run by scripts/runtimes/matrix.mjs with FNAPI_MATRIX_EMULATOR (the emulator's URL) and FNAPI_MATRIX_VECTORS
// (the folder of the signing vectors) set.
import { readFileSync } from "node:fs";
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
process.stdout.write(`${JSON.stringify(result)}\n`);
