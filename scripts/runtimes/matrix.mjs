// The runtime matrix: the built packages in every runtime the README promises, each through the build its
// export conditions give it. Node 20 (the machine's), Node 22 and 24, Deno and Bun import the packages by name
// (the `node`, `deno`, `bun` conditions: the server build, node:crypto and the credential chains); workerd runs
// a worker bundled with esbuild's `workerd,worker,browser` conditions (the web build, Web Crypto). Chromium
// is covered by contract-tests/src/browser.test.ts. In each runtime (scripts/runtimes/probe/checks.mjs):
//   - every signing vector of specs/test-vectors, through each crypto implementation the build has (the
//     server build: node:crypto and Web Crypto, which must agree byte for byte);
//   - a delete and a second delete through each client (NCP signature v2, FunctionGraph AK/SK and token)
//     against @fnapi/emulator on 127.0.0.1, port 0, with every signature verified: 204, then a typed 404;
//   - which build was resolved (the resolved file on servers, the bundle's inputs for workerd) and what the
//     constructors do without credentials (the server build asks the environment; the web build refuses).
// The runtimes other than the machine's Node come from scripts/runtimes/install.sh (into
// scripts/runtimes/node_modules; FNAPI_RUNTIMES_DIR names another folder). A missing one is skipped with the
// reason, unless CI is set: then it fails. Every process is bounded (RUN_TIMEOUT_MS) and gets a clean
// environment: fake credentials only, an empty HOME.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { startEmulator } from "@fnapi/emulator";
import { CREDENTIAL_ENV, expectedOutputs, matrixSeed, VARIANTS } from "./probe/checks.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const vectorsDir = join(root, "specs", "test-vectors");
const runtimesDir = process.env.FNAPI_RUNTIMES_DIR ?? join(here, "node_modules");
const inCi = Boolean(process.env.CI) && process.env.CI !== "false" && process.env.CI !== "0";
const RUN_TIMEOUT_MS = 60_000;

const load = (name) => JSON.parse(readFileSync(join(vectorsDir, name), "utf8")).vectors;
const vectors = { ncp: load("ncp-signature-v2.json"), huawei: load("huawei-sdk-hmac-sha256.json") };
const expected = expectedOutputs(vectors);

const installed = (...parts) => {
  const file = join(runtimesDir, ...parts);
  return existsSync(file) ? file : undefined;
};
const probe = join(here, "probe", "server.mjs");

/** The server runtimes: how to run the probe in each. */
const servers = [
  {
    name: `Node ${process.versions.node.split(".")[0]}`,
    bin: process.execPath,
    args: [probe],
    condition: "node",
  },
  { name: "Node 22", bin: installed("node22", "bin", "node"), args: [probe], condition: "node" },
  { name: "Node 24", bin: installed("node24", "bin", "node"), args: [probe], condition: "node" },
  {
    name: "Deno",
    bin: installed("deno", "deno"),
    // What the server build needs: the environment (credential chain), files (~/.ncloud, ~/.huaweicloud,
    // the vectors) and the loopback emulator.
    args: ["run", "--no-prompt", "--allow-env", "--allow-read", "--allow-net=127.0.0.1", probe],
    condition: "deno",
  },
  { name: "Bun", bin: installed("bun", "bin", "bun.exe"), args: [probe], condition: "bun" },
];
const workerd = installed("workerd", "bin", "workerd");
const esbuild = installed("esbuild", "bin", "esbuild");

const timings = [];
let emulator;
let scratch;

before(async () => {
  emulator = await startEmulator({ port: 0, host: "127.0.0.1", seed: matrixSeed(), auth: "verify" });
  scratch = mkdtempSync(join(tmpdir(), "fnapi-runtimes-"));
  mkdirSync(join(scratch, "home"));
});

after(async () => {
  await emulator?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  if (timings.length > 0) {
    console.log("\nruntime matrix (wall time of each runtime's process; checks = time inside it):");
    for (const t of timings)
      console.log(
        `  ${t.name.padEnd(8)} ${t.version.padEnd(12)} ${t.build.padEnd(24)} ${t.wallMs} ms (checks ${t.checksMs} ms)`,
      );
  }
});

/** Runs a command with a clean environment (no credentials of the machine, HOME empty), bounded in time. */
function run(bin, args, env = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(bin, args, {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: join(scratch, "home"),
        NO_COLOR: "1",
        DENO_NO_UPDATE_CHECK: "1",
        DENO_DIR: join(scratch, "deno"),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: RUN_TIMEOUT_MS,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolve({ code, signal, stdout, stderr, wallMs: Math.round(performance.now() - started) }),
    );
  });
}

async function version(bin, args = ["--version"]) {
  const { stdout } = await run(bin, args);
  // "v22.23.3", "deno 2.9.6 (stable, …)", "1.4.5", "workerd 2026-11-17": the version alone.
  return stdout.match(/\d[\w.-]*/)?.[0] ?? stdout.trim();
}

/** Missing runtime: a failing test in CI, a skipped one (with the reason) elsewhere. */
function unavailable(name, what) {
  const reason = `${what} not installed in ${runtimesDir} (bash scripts/runtimes/install.sh)`;
  if (inCi) {
    it(`${name}: needs ${what}, and CI is set`, () => {
      throw new Error(reason);
    });
  } else {
    it(`${name}`, { skip: reason }, () => {});
  }
}

function lastJsonLine(text, prefix = "") {
  const line = text
    .split("\n")
    .reverse()
    .find((l) => l.startsWith(`${prefix}{`));
  assert.ok(line, "the probe printed no result");
  return JSON.parse(line.slice(prefix.length));
}

/** The steps whose strings differ (the first few, with both values), for a readable failure. */
function differences(got, want) {
  const steps = [...new Set([...Object.keys(got), ...Object.keys(want)])];
  return steps
    .filter((step) => got[step] !== want[step])
    .slice(0, 5)
    .map((step) => ({ step, got: got[step], want: want[step] }));
}

/** The judgement of one runtime's report. */
function checkReport(report, { server }) {
  const cryptos = server ? ["nodeCrypto", "webCrypto"] : ["webCrypto"];
  assert.deepEqual(Object.keys(report.signing).sort(), cryptos.sort());
  assert.ok(Object.keys(expected).length > 50, "the vectors were loaded");
  for (const crypto of cryptos) {
    assert.deepEqual(differences(report.signing[crypto], expected), [], `every vector through ${crypto}`);
  }
  if (server) {
    const apart = differences(report.signing.nodeCrypto, report.signing.webCrypto);
    assert.deepEqual(apart, [], "node:crypto and Web Crypto agree byte for byte");
  }

  const variants = server ? VARIANTS : ["default"];
  assert.deepEqual(Object.keys(report.deletes), variants);
  const notFound = {
    ncf: ["NcfApiError", "80101"],
    fgsAkSk: ["FgsApiError", "FSS.1051"],
    fgsToken: ["FgsApiError", "FSS.1051"],
  };
  for (const variant of variants) {
    for (const [client, [errorName, code]] of Object.entries(notFound)) {
      const { first, second } = report.deletes[variant][client];
      const where = `${variant} ${client}`;
      assert.deepEqual(first, { outcome: "resolved", statuses: [204] }, `${where}: first delete`);
      assert.equal(second.outcome, "rejected", `${where}: second delete`);
      assert.deepEqual(second.statuses, [404], `${where}: second delete`);
      assert.deepEqual(
        { name: second.error.name, status: second.error.status, code: second.error.code },
        { name: errorName, status: 404, code },
        `${where}: second delete`,
      );
      assert.equal(second.error.typed, true, `${where}: instanceof ${errorName}`);
      assert.equal(second.error.isApiError, true, `${where}: instanceof ApiError`);
    }
  }

  if (server) {
    // The server build asks the vendors' environment variables when no credential option is given.
    assert.deepEqual(report.withoutCredentials, { ncf: { outcome: "created" }, fgs: { outcome: "created" } });
  } else {
    // The web build never looks credentials up.
    for (const client of ["ncf", "fgs"]) {
      assert.equal(report.withoutCredentials[client].name, "ValidationError", client);
      assert.equal(report.withoutCredentials[client].field, "credentials", client);
    }
  }
}

/** What the emulator saw: every request authenticated (signatures verified), one pair per delete. */
function checkEmulatorLog(variantCount) {
  const records = emulator.requests();
  assert.equal(records.length, variantCount * 3 * 2, "requests the emulator received");
  for (const r of records) assert.equal(r.authPassed, true, `${r.method} ${r.path}: ${r.authReason}`);
  assert.deepEqual(
    records.map((r) => r.status).sort(),
    Array(variantCount * 3)
      .fill(204)
      .concat(Array(variantCount * 3).fill(404)),
  );
}

describe("runtime matrix", { concurrency: 1 }, () => {
  for (const runtime of servers) {
    if (!runtime.bin) {
      unavailable(runtime.name, runtime.name);
      continue;
    }
    it(`${runtime.name}: server build (${runtime.condition} condition), vectors and deletes`, async (t) => {
      emulator.reset();
      const v = await version(runtime.bin);
      const result = await run(runtime.bin, runtime.args, {
        ...CREDENTIAL_ENV,
        FNAPI_MATRIX_EMULATOR: emulator.url,
        FNAPI_MATRIX_VECTORS: vectorsDir,
      });
      assert.equal(
        result.code,
        0,
        `${runtime.name} exited ${result.code ?? result.signal}:\n${result.stderr}`,
      );
      const report = lastJsonLine(result.stdout);
      for (const [name, file] of Object.entries(report.resolved)) {
        const built = name === "@fnapi/auth" ? "/dist/index.js" : "/dist/server.js";
        assert.ok(file.endsWith(built), `${name} resolved to ${file}, expected …${built}`);
      }
      for (const [name, file] of Object.entries(report.required))
        assert.ok(file.endsWith("/dist/server.cjs"), `require("${name}") resolved to ${file}`);
      assert.equal(report.requiredClientsCreated, true, "the CommonJS server build finds credentials");
      checkReport(report, { server: true });
      checkEmulatorLog(VARIANTS.length);
      timings.push({
        name: runtime.name,
        version: v,
        build: "server (dist/server.js)",
        wallMs: result.wallMs,
        checksMs: report.durationMs,
      });
      t.diagnostic(`${v}: ${result.wallMs} ms`);
    });
  }

  if (!workerd || !esbuild) {
    unavailable("workerd", !workerd ? "workerd" : "esbuild");
  } else {
    it("workerd: web build (workerd,worker,browser conditions), vectors and deletes", async (t) => {
      emulator.reset();
      const dir = join(scratch, "workerd");
      mkdirSync(dir, { recursive: true });
      // Bundled as Wrangler would. tsconfig-raw: the workspace's tsconfig paths point @fnapi/* at the sources;
      // a user's bundler sees the published package.json only.
      const bundle = await run(esbuild, [
        join(here, "probe", "worker.mjs"),
        "--bundle",
        "--format=esm",
        "--platform=browser",
        "--conditions=workerd,worker,browser",
        "--tsconfig-raw={}",
        `--outfile=${join(dir, "worker.js")}`,
        `--metafile=${join(dir, "meta.json")}`,
        "--log-level=warning",
      ]);
      assert.equal(bundle.code, 0, `esbuild:\n${bundle.stderr}`);
      const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8"));
      const inputs = Object.keys(meta.inputs);
      for (const pkg of ["auth", "ncf-client", "fgs-client", "runtime"])
        assert.ok(inputs.includes(`packages/${pkg}/dist/index.js`), `the web build of ${pkg} is bundled`);
      assert.deepEqual(
        inputs.filter((f) => /server|node:/.test(f)),
        [],
        "nothing of the server build",
      );
      const outputImports = Object.values(meta.outputs).flatMap((o) => o.imports.map((i) => i.path));
      assert.deepEqual(outputImports, [], "the bundle imports nothing (no Node built-ins)");

      // The worker's global fetch reaches the loopback emulator through `globalOutbound`: a network service
      // that allows "local" addresses (workerd's default outbound allows public addresses only). So the
      // clients use their default fetch, as in production, rather than an injected one.
      writeFileSync(
        join(dir, "config.capnp"),
        `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["local"])),
  ],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2026-01-01",
  globalOutbound = "loopback",
  bindings = [(name = "EMULATOR_URL", text = ${JSON.stringify(emulator.url)})],
);
`,
      );
      const v = await version(workerd);
      const result = await run(workerd, ["test", join(dir, "config.capnp")]);
      assert.equal(
        result.code,
        0,
        `workerd exited ${result.code ?? result.signal}:\n${result.stdout}\n${result.stderr}`,
      );
      const report = lastJsonLine(result.stdout, "fnapi-matrix-result ");
      checkReport(report, { server: false });
      checkEmulatorLog(1);
      timings.push({
        name: "workerd",
        version: v,
        build: "web (dist/index.js)",
        wallMs: bundle.wallMs + result.wallMs,
        checksMs: report.durationMs,
      });
      t.diagnostic(`${v}: esbuild ${bundle.wallMs} ms, workerd ${result.wallMs} ms`);
    });
  }
});
