// The consumer test: what someone who runs `npm install @fnapi/ncf-client` gets.
//
// Packs @fnapi/auth, @fnapi/ncf-client, @fnapi/fgs-client and @fnapi/specs exactly as `npm publish` would,
// installs the tarballs into a throwaway project in a temporary directory outside the workspace (openapi-fetch
// comes from the registry), and there:
//   - runs an ESM script and a CommonJS script that construct each client and delete through it against a
//     loopback HTTP server answering 204, and check the ValidationError for bad input (nothing is sent);
//   - type-checks a typed usage file as ESM (.ts) and as CommonJS (.cts) with `tsc --noEmit`
//     (module/moduleResolution nodenext, strict, no skipLibCheck, no @types/node: the declarations stand alone);
//   - reads the bundled specs, the reference pages and the test vectors through @fnapi/specs' exports.
// Then, in a second project, installs @fnapi/cli (with @fnapi/emulator) from the tarballs and runs its bin:
// `fnapi emulator` on a free port, a cascade delete against it, a dry run, a usage error. Last, the root
// README's "before the packages are on npm" block runs as written (npm run pack:all, a strict tsc outside).
// The temporary directory is removed afterwards, also on failure and on Ctrl-C.
//
//   node scripts/consumer-test.mjs [--keep]     (--keep leaves the project for a look)
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const packages = ["@fnapi/runtime", "@fnapi/auth", "@fnapi/ncf-client", "@fnapi/fgs-client", "@fnapi/specs"];
// Installed in a project of their own (the emulator brings `yaml`, which the clients' project must not get).
const cliPackages = ["@fnapi/emulator", "@fnapi/cli"];
const keep = process.argv.includes("--keep");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

const work = mkdtempSync(join(tmpdir(), "fnapi-consumer-"));
function cleanup() {
  if (!keep) rmSync(work, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    cleanup();
    process.exit(130);
  });
}

/** The ```sh block right after the HTML comment of `file` that contains `marker`. */
function readmeBlock(file, marker) {
  const lines = readFileSync(join(root, file), "utf8").split("\n");
  const at = lines.findIndex((line) => line.startsWith("<!--") && line.includes(marker));
  check(at !== -1 && lines[at + 1] === "```sh", `${file} has no sh block marked "${marker}"`);
  const end = lines.indexOf("```", at + 2);
  return lines.slice(at + 2, end).join("\n");
}

function run(command, args, cwd, label = `${command} ${args.join(" ")}`, extraEnv = {}) {
  const started = Date.now();
  try {
    const out = execFileSync(command, args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        npm_config_update_notifier: "false",
        npm_config_fund: "false",
        npm_config_audit: "false",
        ...extraEnv,
      },
    });
    console.log(`  ok  ${label} (${Date.now() - started} ms)`);
    return out;
  } catch (error) {
    const how = error.signal ? `signal ${error.signal}` : `exit code ${error.status ?? "?"}`;
    console.error(`FAIL  ${label} (${how})\n${error.stdout ?? ""}${error.stderr ?? ""}`);
    throw new Error(`consumer test failed at: ${label}`);
  }
}

function check(condition, message) {
  if (!condition) throw new Error(`consumer test: ${message}`);
}

try {
  console.log(`consumer test in ${work}`);
  const tarballs = join(work, "tarballs");
  mkdirSync(tarballs);
  const packed = JSON.parse(
    run(
      npm,
      [
        "pack",
        "--json",
        "--pack-destination",
        tarballs,
        ...[...packages, ...cliPackages].flatMap((p) => ["-w", p]),
      ],
      root,
      "npm pack",
    ),
  );
  check(packed.length === packages.length + cliPackages.length, `npm pack made ${packed.length} tarballs`);
  for (const { name, files } of packed) {
    const paths = files.map((f) => f.path);
    const stray = paths.filter((p) =>
      /(^|\/)(src|node_modules)\/|\.test\.|tsconfig|tsup\.config|\.turbo/.test(p),
    );
    check(stray.length === 0, `${name} would publish ${stray.join(", ")}`);
    check(paths.includes("README.md"), `${name} has no README.md`);
  }

  const project = join(work, "project");
  mkdirSync(project);
  writeFileSync(
    join(project, "package.json"),
    `${JSON.stringify({ name: "fnapi-consumer", version: "0.0.0", private: true, type: "module" }, null, 2)}\n`,
  );
  run(
    npm,
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--ignore-scripts",
      ...packed.filter((p) => packages.includes(p.name)).map((p) => join(tarballs, p.filename)),
    ],
    project,
    "npm install <tarballs> (openapi-fetch from the registry)",
  );

  // Every @fnapi package must be the tarball, once: a nested copy would mean a version mismatch that pulled
  // another @fnapi/auth from the registry.
  for (const { name, version } of packed.filter((p) => packages.includes(p.name))) {
    const manifest = JSON.parse(readFileSync(join(project, "node_modules", name, "package.json"), "utf8"));
    check(manifest.version === version, `${name} installed ${manifest.version}, packed ${version}`);
  }
  for (const client of ["auth", "ncf-client", "fgs-client"]) {
    const nested = join(project, "node_modules", "@fnapi", client, "node_modules");
    check(
      !existsSync(nested),
      `@fnapi/${client} got its own node_modules: ${existsSync(nested) ? readdirSync(nested) : ""}`,
    );
  }
  const installed = readdirSync(join(project, "node_modules")).filter((n) => !n.startsWith("."));
  const allowed = new Set(["@fnapi", "openapi-fetch", "openapi-typescript-helpers"]);
  const extra = installed.filter((n) => !allowed.has(n));
  check(extra.length === 0, `installing the clients pulled in more than openapi-fetch: ${extra.join(", ")}`);

  for (const [file, text] of Object.entries(consumerFiles())) writeFileSync(join(project, file), text);
  run(process.execPath, ["esm.mjs"], project, "node esm.mjs (ESM: import)");
  run(process.execPath, ["cjs.cjs"], project, "node cjs.cjs (CommonJS: require)");
  run(process.execPath, [tsc, "-p", "."], project, "tsc --noEmit usage.ts usage.cts (nodenext, strict)");

  const cliProject = join(work, "cli-project");
  mkdirSync(cliProject);
  writeFileSync(
    join(cliProject, "package.json"),
    `${JSON.stringify({ name: "fnapi-cli-consumer", version: "0.0.0", private: true, type: "module" }, null, 2)}\n`,
  );
  run(
    npm,
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--ignore-scripts",
      ...packed.map((p) => join(tarballs, p.filename)),
    ],
    cliProject,
    "npm install <tarballs> (@fnapi/cli and @fnapi/emulator)",
  );
  const cliVersion = packed.find((p) => p.name === "@fnapi/cli").version;
  writeFileSync(join(cliProject, "cli.mjs"), cliConsumerScript(cliVersion));
  run(process.execPath, ["cli.mjs"], cliProject, "node cli.mjs (the fnapi bin against fnapi emulator)");

  // The root README's "before the packages are on npm" block, as a user runs it: `npm run pack:all`, then a
  // project in a fresh folder outside the repository installs the tarballs and type-checks strictly.
  const block = readmeBlock("README.md", "scripts/consumer-test.mjs runs it");
  const readmeTmp = join(work, "readme-block");
  mkdirSync(readmeTmp);
  run(
    "bash",
    ["-euo", "pipefail", "-c", block],
    root,
    "the README's pack:all block (strict tsc outside the repo)",
    {
      TMPDIR: readmeTmp,
    },
  );
  console.log("consumer test passed");
} finally {
  cleanup();
  if (keep) console.log(`kept ${work}`);
}

// Runs node_modules/.bin/fnapi as a user would, with credentials in the environment and HOME in the project.
function cliConsumerScript(version) {
  return `import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const bin = join(process.cwd(), "node_modules", ".bin", "fnapi");
const project = "7aad83af3e8d42e99ac194e8419e2c9b";
const env = {
  PATH: process.env.PATH, HOME: process.cwd(),
  NCLOUD_ACCESS_KEY_ID: "AK", NCLOUD_SECRET_KEY: "consumer-secret",
  HUAWEICLOUD_SDK_AK: "HWAK", HUAWEICLOUD_SDK_SK: "consumer-hw-secret", HUAWEICLOUD_SDK_PROJECT_ID: project,
};
const fnapi = (...args) => {
  const r = spawnSync(bin, args, { env, encoding: "utf8", timeout: 20000 });
  assert.ok(!(r.stdout + r.stderr).includes("consumer-secret"), "a secret was printed");
  return r;
};
writeFileSync("seed.json", JSON.stringify({
  ncp: { credentials: [{ accessKey: "AK", secretKey: "consumer-secret" }],
         packages: [{ name: "p1", platform: "vpc", actions: ["a", "b"] }] },
}));

assert.equal(fnapi("--version").stdout, ${JSON.stringify(`${version}\n`)});
const usage = fnapi("ncf", "delete-package");
assert.equal(usage.status, 2, usage.stderr);
const dry = fnapi("fgs", "delete-function", "urn:fss:cn-north-4:" + project + ":function:default:hello", "--dry-run", "--json");
assert.equal(dry.status, 0, dry.stderr);
assert.equal(JSON.parse(dry.stdout).dryRun, true);

const emulator = spawn(bin, ["emulator", "--port", "0", "--seed", "seed.json"], { env, stdio: ["ignore", "pipe", "pipe"] });
const exited = new Promise((resolve) => emulator.once("exit", resolve));
const url = await new Promise((resolve, reject) => {
  let out = "";
  const timer = setTimeout(() => reject(new Error("fnapi emulator printed no URL")), 20000);
  emulator.stdout.on("data", (c) => {
    out += c;
    if (out.includes("\\n")) { clearTimeout(timer); resolve(out.split("\\n")[0]); }
  });
});
try {
  const cascade = fnapi("ncf", "delete-package", "p1", "--cascade", "--json", "--base-url", url + "/ncf/api/v2");
  assert.equal(cascade.status, 0, cascade.stderr);
  assert.deepEqual(JSON.parse(cascade.stdout).deletedActions.sort(), ["a", "b"]);
  const again = fnapi("ncf", "delete-package", "p1", "--base-url", url + "/ncf/api/v2");
  assert.equal(again.status, 1);
  assert.match(again.stderr, /404 80101/);
} finally {
  emulator.kill("SIGINT");
}
assert.equal(await exited, 0);
console.log("ok cli");
`;
}

function consumerFiles() {
  const projectId = "7aad83af3e8d42e99ac194e8419e2c9b";

  // One body for both module systems; each prepends how it loads the packages.
  const body = `
const projectId = ${JSON.stringify(projectId)};
const requests = [];
const server = http.createServer((req, res) => {
  requests.push({ method: req.method, url: req.url, headers: req.headers });
  req.resume();
  req.on("end", () => res.writeHead(204).end());
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = "http://127.0.0.1:" + server.address().port;

async function rejects(promise, check) {
  const error = await promise.then(() => undefined, (e) => e);
  assert.ok(error !== undefined, "expected a rejection");
  check(error);
}

try {
  // NCF: signature v2
  const ncf = ncfClient.createNcfClient({
    accessKey: "ncp_iam_EXAMPLEKEY", secretKey: "EXAMPLESECRET", baseUrl: base + "/ncf/api/v2", maxAttempts: 1,
  });
  assert.deepEqual(await ncf.deletePackage("package001", { platform: "classic" }), { alreadyGone: false, attempts: 1, requestId: undefined });
  let sent = requests.pop();
  assert.equal(sent.method, "DELETE");
  assert.equal(sent.url, "/ncf/api/v2/packages/package001?platform=classic");
  assert.equal(sent.headers["x-ncp-iam-access-key"], "ncp_iam_EXAMPLEKEY");
  assert.match(sent.headers["x-ncp-apigw-signature-v2"], /^[A-Za-z0-9+/]{43}=$/);
  await rejects(ncf.deletePackage("-bad name"), (e) => {
    assert.ok(e instanceof ncfClient.ValidationError && e instanceof TypeError, String(e));
    assert.equal(e.field, "packageName");
  });
  assert.equal(ncfClient.ValidationError, fgsClient.ValidationError, "one ValidationError class across packages");
  assert.ok(ncfClient.NcfApiError.prototype instanceof fgsClient.ApiError);
  assert.equal(auth.ValidationError, ncfClient.ValidationError, "@fnapi/auth owns the one ValidationError class");

  // FunctionGraph: an IAM token, then AK/SK signing
  const urn = fgsClient.formatFunctionUrn({ region: "cn-north-4", projectId, name: "hello", version: "v1" });
  const parsed = fgsClient.parseFunctionUrn(urn);
  assert.deepEqual([parsed.region, parsed.projectId, parsed.package, parsed.name, parsed.version], ["cn-north-4", projectId, "default", "hello", "v1"]);
  const byToken = fgsClient.createFgsClient({ projectId, token: "EXAMPLETOKEN", baseUrl: base, maxAttempts: 1 });
  assert.equal((await byToken.deleteFunction(urn)).alreadyGone, false);
  sent = requests.pop();
  assert.equal(sent.method, "DELETE");
  assert.equal(sent.url, "/v2/" + projectId + "/fgs/functions/" + urn);
  assert.equal(sent.headers["x-auth-token"], "EXAMPLETOKEN");
  const byAkSk = fgsClient.createFgsClient({ projectId, accessKey: "EXAMPLEAK", secretKey: "EXAMPLESK", baseUrl: base, maxAttempts: 1 });
  assert.equal((await byAkSk.deleteFunction(urn, { missingOk: true })).attempts, 1);
  sent = requests.pop();
  assert.match(sent.headers.authorization, /^SDK-HMAC-SHA256 Access=EXAMPLEAK, SignedHeaders=[a-z;-]+, Signature=[0-9a-f]{64}$/);
  assert.match(sent.headers["x-sdk-date"], /^\\d{8}T\\d{6}Z$/);
  await rejects(byToken.deleteFunction("urn:fss:cn-north-4:nope"), (e) => {
    assert.ok(e instanceof fgsClient.ValidationError, String(e));
    assert.equal(e.field, "functionUrn");
  });
  assert.throws(() => fgsClient.createFgsClient({ projectId: "short", token: "t" }), fgsClient.ValidationError);
  assert.equal(requests.length, 0, "invalid input must not reach the server");

  // @fnapi/auth on its own: a signer is usable without a client
  const headers = await auth.createNcpSigner({ accessKey: "AK", secretKey: "SK" }, { clock: () => 1700000000000 })
    .headersFor("DELETE", "https://example.com/ncf/api/v2/packages/p?platform=vpc");
  assert.equal(headers["x-ncp-apigw-timestamp"], "1700000000000");

  // @fnapi/specs through its exports
  for (const name of ["ncf", "fgs"]) {
    const bundled = JSON.parse(readSpecs(name + ".json"));
    assert.match(bundled.openapi, /^3\\.1\\./);
    assert.ok(!/"\\$ref":\\s*"(?!#)/.test(JSON.stringify(bundled)), name + ".json has an external $ref");
    assert.match(readSpecs(name + ".yaml"), /^openapi: 3\\.1/m);
    assert.match(readSpecs("reference/" + name + ".html"), /<html/i);
  }
  assert.match(readSpecs("reference/index.html"), /ncf\\.html/);
  assert.ok(JSON.parse(readSpecs("test-vectors/ncp-signature-v2.json")).vectors.length > 0);
  assert.ok(JSON.parse(readSpecs("test-vectors/huawei-sdk-hmac-sha256.json")).vectors.length > 0);
  assert.match(readSpecs("auth.md"), /signature v2/i);
} finally {
  server.close();
}
console.log("ok", moduleSystem);
`;

  const esm = `import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import http from "node:http";
import { fileURLToPath } from "node:url";
import * as auth from "@fnapi/auth";
import * as ncfClient from "@fnapi/ncf-client";
import * as fgsClient from "@fnapi/fgs-client";
const moduleSystem = "esm";
const readSpecs = (path) => readFileSync(fileURLToPath(import.meta.resolve("@fnapi/specs/" + path)), "utf8");
${body}`;

  const cjs = `"use strict";
const assert = require("node:assert/strict");
const { readFileSync } = require("node:fs");
const http = require("node:http");
const auth = require("@fnapi/auth");
const ncfClient = require("@fnapi/ncf-client");
const fgsClient = require("@fnapi/fgs-client");
const moduleSystem = "cjs";
const readSpecs = (path) => readFileSync(require.resolve("@fnapi/specs/" + path), "utf8");
(async () => {
${body}
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

  // The typed usage: compiles only if the declarations give exactly these types, for ESM and for CommonJS.
  const usage = (importLine) => `${importLine}

export async function usage(signal: AbortSignal): Promise<void> {
  // the API is chosen once per client (record 0016); its typed client is that API's
  const ncf: NcfClient<"v2.1"> = createNcfClient({ api: "v2.1", accessKey: "a", secretKey: "s", maxAttempts: 2, timeoutMs: 5_000 });
  const options: DeletePackageOptions = { platform: "classic", missingOk: true, signal };
  const done: Promise<DeleteResult> = ncf.deletePackage("package001", options);
  const gone: boolean = (await done).alreadyGone;
  void gone;
  // @ts-expect-error platform is "vpc" | "classic"
  await ncf.deletePackage("package001", { platform: "gov" });
  const { response } = await ncf.client.DELETE("/packages/{packageName}", {
    params: { path: { packageName: "package001" }, query: { platform: "vpc" } },
  });
  const status: number = response.status;
  // @ts-expect-error not a path of the spec
  await ncf.client.DELETE("/functions/{name}", {});

  const projectId = "7aad83af3e8d42e99ac194e8419e2c9b";
  const byToken: FgsClient = createFgsClient({ projectId, token: async () => ({ token: "t", expiresAt: new Date() }) });
  const byKeys: FgsClient = createFgsClient({ projectId, region: "ap-southeast-1", accessKey: "a", secretKey: "s" });
  // @ts-expect-error a token or an access key pair, not both
  createFgsClient({ projectId, token: "t", accessKey: "a", secretKey: "s" });
  const urn: string = formatFunctionUrn({ region: "ap-southeast-1", projectId, name: "hello", alias: "prod" });
  const parsed: ParsedFunctionUrn = parseFunctionUrn(urn);
  const functionOptions: DeleteFunctionOptions = { missingOk: true, signal };
  await byKeys.deleteFunction(urn, functionOptions);
  await byToken.deleteFunction(parsed.name);

  try {
    await ncf.deletePackage("package001");
  } catch (error) {
    if (error instanceof NcfApiError || error instanceof FgsApiError) {
      const fields: [number, string | undefined, string | undefined, number] = [
        error.status, error.code, error.requestId, error.attempts,
      ];
      void fields;
    } else if (error instanceof ValidationError) {
      const field: string = error.field;
      void field;
    } else if (error instanceof TimeoutError) {
      const ms: number = error.timeoutMs;
      void ms;
    } else if (error instanceof NetworkError || error instanceof ApiError) {
      void error.message;
    }
  }

  const signer = createNcpSigner({ accessKey: "a", secretKey: "s" });
  const headers: NcpSignatureHeaders = await signer.headersFor("DELETE", new URL("https://example.com/p"));
  const middleware: AuthScheme[] = [
    ncpSignatureV2Auth({ accessKey: "a", secretKey: "s" }),
    huaweiAkSkAuth({ accessKey: "a", secretKey: "s" }),
    huaweiTokenAuth(createHuaweiTokenSource("t")),
  ];
  const signed: HuaweiSignature = await huaweiSign(
    { accessKey: "a", secretKey: "s" },
    { method: "DELETE", url: "https://example.com/", headers: { "X-Sdk-Date": "20240101T000000Z" } },
  );
  void [status, headers, middleware, signed.authorization, createHuaweiSigner];
  type Paths = keyof NcfPaths | keyof FgsPaths;
  const path: Paths = "/packages/{packageName}";
  void path;
}
`;
  const imports = () => `import {
  type AuthScheme, createHuaweiSigner, createHuaweiTokenSource, createNcpSigner, type HuaweiSignature, huaweiAkSkAuth,
  huaweiSign, huaweiTokenAuth, type NcpSignatureHeaders, ncpSignatureV2Auth,
} from "@fnapi/auth";
import {
  ApiError, createNcfClient, type DeletePackageOptions, type DeleteResult, type NcfClient, NcfApiError, NetworkError, type paths as NcfPaths,
  TimeoutError, ValidationError,
} from "@fnapi/ncf-client";
import {
  createFgsClient, type DeleteFunctionOptions, type FgsClient, FgsApiError, formatFunctionUrn, parseFunctionUrn,
  type ParsedFunctionUrn, type paths as FgsPaths,
} from "@fnapi/fgs-client";`;

  return {
    "esm.mjs": esm,
    "cjs.cjs": cjs,
    "usage.ts": usage(imports()),
    "usage.cts": usage(imports()),
    "tsconfig.json": `${JSON.stringify(
      {
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          lib: ["ES2022", "DOM", "DOM.Iterable"],
          types: [],
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: false,
          noEmit: true,
        },
        files: ["usage.ts", "usage.cts"],
      },
      null,
      2,
    )}\n`,
  };
}
