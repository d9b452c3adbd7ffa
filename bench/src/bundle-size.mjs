// What a user ships: a one-call program per client, bundled and minified by esbuild, then gzipped.
// Ours are bundled for the browser (they have no Node-only code to lean on); the official SDK for Node,
// the only platform it supports.

import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { OFFICIAL_CORE, OFFICIAL_PACKAGE } from "./official-sdk.mjs";

const BENCH_DIR = fileURLToPath(new URL("..", import.meta.url));

export const PROGRAMS = [
  {
    id: "@fnapi/ncf-client",
    platform: "browser",
    format: "esm",
    source: `import { createNcfClient } from "@fnapi/ncf-client";
const ncf = createNcfClient({ accessKey: "AK", secretKey: "SK" });
await ncf.deletePackage("package001", { platform: "vpc" });`,
  },
  {
    id: "@fnapi/fgs-client (token)",
    platform: "browser",
    format: "esm",
    source: `import { createFgsClient, formatFunctionUrn } from "@fnapi/fgs-client";
const projectId = "7aad83af3e8d42e99ac194e8419e2c9b";
const fgs = createFgsClient({ projectId, token: "MIItoken" });
await fgs.deleteFunction(formatFunctionUrn({ region: "cn-north-4", projectId, name: "hello" }));`,
  },
  {
    id: "@fnapi/fgs-client (AK/SK)",
    platform: "browser",
    format: "esm",
    source: `import { createFgsClient, formatFunctionUrn } from "@fnapi/fgs-client";
const projectId = "7aad83af3e8d42e99ac194e8419e2c9b";
const fgs = createFgsClient({ projectId, accessKey: "AK", secretKey: "SK" });
await fgs.deleteFunction(formatFunctionUrn({ region: "cn-north-4", projectId, name: "hello" }));`,
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
