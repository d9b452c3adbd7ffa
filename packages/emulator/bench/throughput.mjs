// Throughput of the emulator with every signature verified: 1,000 concurrent signed deletes (NCF packages,
// signature v2; FunctionGraph functions, SDK-HMAC-SHA256), each must answer 204. Prints requests/s per round
// and the median. The emulator runs as its bin in a child process (its own core); requests are signed
// before the clock starts, so what is measured is the emulator (routing, verification, state, answer) plus
// loopback HTTP. All requests are in flight at once, over `--sockets` keep-alive connections (default: one
// connection per request, i.e. 1,000 concurrent connections).
//
//   npm run build -w @fnapi/emulator && node packages/emulator/bench/throughput.mjs [--requests 1000] [--sockets 1000] [--rounds 5] [--json]
import { spawn } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "1000" },
    sockets: { type: "string" },
    rounds: { type: "string", default: "5" },
    json: { type: "boolean" },
  },
});
const SOCKETS = Number(values.sockets ?? values.requests);
const N = Number(values.requests);
const ROUNDS = Number(values.rounds);
const PROJECT = "7aad83af3e8d42e99ac194e8419e2c9b";
const NCP = { accessKey: "ncp_iam_BENCH", secretKey: "ncp-bench-secret" };
const HUAWEI = { accessKey: "HUAWEIBENCH", secretKey: "huawei-bench-secret" };
const urn = (i) => `urn:fss:cn-north-4:${PROJECT}:function:default:fn${i}`;

const seed = {
  ncp: {
    credentials: [NCP],
    packages: Array.from({ length: N }, (_, i) => ({ name: `pkg${i}`, platform: "vpc", actions: [] })),
  },
  huawei: {
    credentials: [HUAWEI],
    functions: Array.from({ length: N }, (_, i) => ({ urn: urn(i), versions: ["v1"] })),
  },
};

function ncpSigned(target) {
  const timestamp = String(Date.now());
  const signature = createHmac("sha256", NCP.secretKey)
    .update(`DELETE ${target}\n${timestamp}\n${NCP.accessKey}`)
    .digest("base64");
  return {
    "x-ncp-apigw-timestamp": timestamp,
    "x-ncp-iam-access-key": NCP.accessKey,
    "x-ncp-apigw-signature-v2": signature,
  };
}

const rfc3986 = (s) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
function huaweiSigned(host, path) {
  const date = new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  const headers = { "content-type": "application/json", host, "x-project-id": PROJECT, "x-sdk-date": date };
  const names = Object.keys(headers).sort();
  const canonicalUri = `${path.split("/").map(rfc3986).join("/")}/`;
  const canonical = [
    "DELETE",
    canonicalUri,
    "",
    names.map((n) => `${n}:${headers[n]}\n`).join(""),
    names.join(";"),
    createHash("sha256").update("").digest("hex"),
  ].join("\n");
  const toSign = `SDK-HMAC-SHA256\n${date}\n${createHash("sha256").update(canonical).digest("hex")}`;
  const signature = createHmac("sha256", HUAWEI.secretKey).update(toSign).digest("hex");
  const { host: _, ...sent } = headers;
  return {
    ...sent,
    authorization: `SDK-HMAC-SHA256 Access=${HUAWEI.accessKey}, SignedHeaders=${names.join(";")}, Signature=${signature}`,
  };
}

function send(agent, url, path, headers) {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, method: "DELETE", path, headers },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

async function control(emu, method, path) {
  const response = await fetch(`${emu.url}/_emulator${path}`, { method });
  return response.status === 204 ? undefined : response.json();
}

/** Refused requests in the log, read a page (at most 1,000 records) at a time. */
async function refusedCount(emu) {
  let refused = 0;
  let after = 0;
  for (;;) {
    const response = await fetch(`${emu.url}/_emulator/requests?after=${after}`);
    const records = await response.json();
    refused += records.filter((r) => !r.authPassed).length;
    const next = response.headers.get("x-next-after");
    if (!next) return refused;
    after = Number(next);
  }
}

async function startChild(seedPath) {
  const child = spawn(
    process.execPath,
    [new URL("../dist/cli.js", import.meta.url).pathname, "--port", "0", "--seed", seedPath],
    {
      stdio: ["ignore", "pipe", "ignore"],
    },
  );
  const url = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (c) => {
      out += c;
      if (out.includes("\n")) resolve(out.split("\n")[0]);
    });
    child.once("exit", (code) => reject(new Error(`the emulator exited with ${code}`)));
  });
  return { url, close: () => child.kill("SIGTERM") };
}

async function round(emu, kind) {
  await control(emu, "POST", "/reset");
  const url = new URL(emu.url);
  const requests = Array.from({ length: N }, (_, i) => {
    if (kind === "ncf") {
      const path = `/ncf/api/v2/packages/pkg${i}?platform=vpc`;
      return { path, headers: ncpSigned(path) };
    }
    const path = `/v2/${PROJECT}/fgs/functions/${urn(i)}`;
    return { path, headers: huaweiSigned(url.host, path) };
  });
  const agent = new Agent({ keepAlive: true, maxSockets: SOCKETS });
  const started = performance.now();
  const statuses = await Promise.all(requests.map((r) => send(agent, url, r.path, r.headers)));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const failed = statuses.filter((s) => s !== 204).length;
  const refused = await refusedCount(emu);
  if (failed || refused)
    throw new Error(`${kind}: ${failed} answers were not 204, ${refused} signatures refused`);
  return N / seconds;
}

const dir = mkdtempSync(join(tmpdir(), "fnapi-emulator-bench-"));
writeFileSync(join(dir, "seed.json"), JSON.stringify(seed));
const emu = await startChild(join(dir, "seed.json"));
const results = {};
try {
  for (const kind of ["ncf", "fgs"]) {
    await round(emu, kind); // warm-up
    const rates = [];
    for (let i = 0; i < ROUNDS; i++) rates.push(await round(emu, kind));
    rates.sort((a, b) => a - b);
    results[kind] = { median: rates[Math.floor(rates.length / 2)], min: rates[0], max: rates.at(-1) };
  }
} finally {
  emu.close();
  rmSync(dir, { recursive: true, force: true });
}
if (values.json)
  console.log(JSON.stringify({ requests: N, sockets: SOCKETS, rounds: ROUNDS, requestsPerSecond: results }));
else {
  for (const [kind, r] of Object.entries(results)) {
    const label =
      kind === "ncf"
        ? "NCF deletePackage, NCP signature v2"
        : "FunctionGraph deleteFunction, SDK-HMAC-SHA256";
    console.log(
      `${label}: ${N} concurrent signed deletes over ${SOCKETS} connections, all 204, every signature verified: median ${Math.round(r.median)} requests/s (min ${Math.round(r.min)}, max ${Math.round(r.max)}, ${ROUNDS} rounds)`,
    );
  }
}
