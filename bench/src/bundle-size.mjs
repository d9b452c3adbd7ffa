// What a user ships: a one-call program per client, bundled and minified by esbuild, then gzipped.
// Ours are bundled for the browser (they have no Node-only code to lean on); the official SDK for Node,
// the only platform it supports.

import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { OFFICIAL_CORE, OFFICIAL_PACKAGE } from "./official-sdk.mjs";

const BENCH_DIR = fileURLToPath(new URL("..", import.meta.url));

// The one-call programs as users are told to write them: a standalone operation, the auth scheme imported
// (the same imports as .size-limit.json's entries).
export const PROGRAMS = [
  {
    id: "@fnapi/ncf-client",
    platform: "browser",
    format: "esm",
    source: `import { createNcf, deletePackage } from "@fnapi/ncf-client";
const ncf = createNcf({ accessKey: "AK", secretKey: "SK" });
await deletePackage(ncf, "package001", { platform: "vpc" });`,
  },
  {
    id: "@fnapi/fgs-client (token)",
    platform: "browser",
    format: "esm",
    source: `import { createFgs, deleteFunction, fgsToken } from "@fnapi/fgs-client";
const projectId = "7aad83af3e8d42e99ac194e8419e2c9b";
const fgs = createFgs({ projectId, auth: fgsToken("MIItoken") });
await deleteFunction(fgs, \`urn:fss:cn-north-4:\${projectId}:function:default:hello\`);`,
  },
  {
    id: "@fnapi/fgs-client (AK/SK)",
    platform: "browser",
    format: "esm",
    source: `import { createFgs, deleteFunction, fgsAkSk } from "@fnapi/fgs-client";
const projectId = "7aad83af3e8d42e99ac194e8419e2c9b";
const fgs = createFgs({ projectId, auth: fgsAkSk({ accessKey: "AK", secretKey: "SK" }) });
await deleteFunction(fgs, \`urn:fss:cn-north-4:\${projectId}:function:default:hello\`);`,
  },
  {
    id: OFFICIAL_PACKAGE,
    platform: "node",
    format: "cjs",
    source: `const { BasicCredentials } = require("${OFFICIAL_CORE}");
const { FunctionGraphClient, DeleteFunctionRequest } = require("${OFFICIAL_PACKAGE}");
const credentials = new BasicCredentials().withAk("AK").withSk("SK").withProjectId("7aad83af3e8d42e99ac194e8419e2c9b");
const client = FunctionGraphClient.newBuilder().withCredential(credentials).withEndpoint("https://functiongraph.cn-north-4.myhuaweicloud.com").build();
client.deleteFunction(new DeleteFunctionRequest().withFunctionUrn("urn:fss:cn-north-4:7aad83af3e8d42e99ac194e8419e2c9b:function:default:hello"));`,
  },
];

async function bundle(program) {
  const result = await build({
    stdin: { contents: program.source, resolveDir: BENCH_DIR, sourcefile: "one-call.js", loader: "js" },
    bundle: true,
    minify: true,
    platform: program.platform,
    format: program.format,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  const inputs = Object.values(result.metafile.outputs)[0].inputs;
  // Where the bytes come from, by package: the first thing to look at when a bundle is too big.
  const byPackage = {};
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const name = packageOf(path);
    byPackage[name] = (byPackage[name] ?? 0) + bytesInOutput;
  }
  return {
    id: program.id,
    platform: program.platform,
    minifiedBytes: code.byteLength,
    gzipBytes: gzipSync(code, { level: 9 }).byteLength,
    warnings: result.warnings.length,
    minifiedBytesByPackage: Object.fromEntries(Object.entries(byPackage).sort((a, b) => b[1] - a[1])),
  };
}

function packageOf(path) {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (match) return match[1].replace(/.*node_modules\//, "");
  const workspace = /(?:^|\/)packages\/([^/]+)\//.exec(path);
  if (workspace) return `@fnapi/${workspace[1]}`;
  return path.endsWith("one-call.js") ? "(the program)" : path;
}

export async function benchBundleSizes() {
  const results = [];
  for (const program of PROGRAMS) results.push(await bundle(program));
  return results;
}
