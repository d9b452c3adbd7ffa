// CPU time the emulator process spends per verified delete (utime + stime from /proc/<pid>/stat, Linux),
// for a git revision's emulator and this tree's, both running at once and measured in alternating rounds.
// On a machine shared with other work, CPU time per request moves far less than requests per second.
//
//   npm run build -w @fnapi/emulator && node packages/emulator/bench/cpu-side-by-side.mjs [--base c90efa5]
//   (environment: N requests per round, default 6000; ROUNDS, default 11, the first a warm-up; a 10 ms tick is 1.7 µs at 6000)
import { execFileSync, spawn } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { base: { type: "string", default: "HEAD~1" } } });
const root = fileURLToPath(new URL("../../..", import.meta.url));
const work = join(root, "node_modules", ".cache", "fnapi-emulator-cpu-base");
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
execFileSync("sh", ["-c", `git archive ${values.base} packages/emulator | tar -x -C "${work}"`], {
  cwd: root,
});
const baseDir = join(work, "packages", "emulator");
execFileSync(process.execPath, [join(root, "node_modules", "tsup", "dist", "cli-default.js")], {
  cwd: baseDir,
  stdio: "ignore",
});
const baseCli = join(baseDir, "dist", "cli.js");
const newCli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const seedPath = join(tmpdir(), `fnapi-emulator-cpu-seed-${process.pid}.json`);
const N = Number(process.env.N ?? 6000),
  PROJECT = "7aad83af3e8d42e99ac194e8419e2c9b";
const NCP = { accessKey: "ncp_iam_BENCH", secretKey: "s1" },
  HW = { accessKey: "HUAWEIBENCH", secretKey: "s2" };
const urn = (i) => `urn:fss:cn-north-4:${PROJECT}:function:default:fn${i}`;
writeFileSync(
  seedPath,
  JSON.stringify({
    ncp: {
      credentials: [NCP],
      packages: Array.from({ length: N }, (_, i) => ({ name: `pkg${i}`, platform: "vpc", actions: [] })),
    },
    huawei: {
      credentials: [HW],
      functions: Array.from({ length: N }, (_, i) => ({ urn: urn(i), versions: ["v1"] })),
    },
  }),
);
const ticks = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return Number(f[11]) + Number(f[12]);
};
const rfc = (s) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
function hw(host, path) {
  const date = new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  const canonicalUri = `${path
    .split("/")
    .map((s) => rfc(decodeURIComponent(s)))
    .join("/")}/`;
  const headers = { "content-type": "application/json", host, "x-sdk-date": date };
  const signed = Object.keys(headers).sort();
  const canonical = [
    "DELETE",
    canonicalUri,
    "",
    ...signed.map((h) => `${h}:${headers[h]}`),
    "",
    signed.join(";"),
    createHash("sha256").update("").digest("hex"),
  ].join("\n");
  const sts = `SDK-HMAC-SHA256\n${date}\n${createHash("sha256").update(canonical).digest("hex")}`;
  const sig = createHmac("sha256", HW.secretKey).update(sts).digest("hex");
  return {
    "content-type": "application/json",
    "x-sdk-date": date,
    authorization: `SDK-HMAC-SHA256 Access=${HW.accessKey}, SignedHeaders=${signed.join(";")}, Signature=${sig}`,
  };
}
function ncp(path) {
  const ts = String(Date.now());
  return {
    "x-ncp-apigw-timestamp": ts,
    "x-ncp-iam-access-key": NCP.accessKey,
    "x-ncp-apigw-signature-v2": createHmac("sha256", NCP.secretKey)
      .update(`DELETE ${path}\n${ts}\n${NCP.accessKey}`)
      .digest("base64"),
  };
}
const send = (agent, url, path, headers) =>
  new Promise((res, rej) => {
    const r = request({ host: url.hostname, port: url.port, path, method: "DELETE", headers, agent }, (x) => {
      x.resume();
      x.on("end", () => res(x.statusCode));
    });
    r.on("error", rej);
    r.end();
  });
async function start(cli) {
  const child = spawn(process.execPath, [cli, "--port", "0", "--seed", seedPath], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  const url = await new Promise((r) => {
    let o = "";
    child.stdout.on("data", (c) => {
      o += c;
      if (o.includes("\n")) r(o.split("\n")[0]);
    });
  });
  return { child, url: new URL(url) };
}
const emus = { base: await start(baseCli), new: await start(newCli) };
const res = { base: { ncf: [], fgs: [] }, new: { ncf: [], fgs: [] } };
for (let round = 0; round < Number(process.env.ROUNDS ?? 11); round++)
  for (const name of ["base", "new"])
    for (const kind of ["ncf", "fgs"]) {
      const { child, url } = emus[name];
      await fetch(new URL("/_emulator/reset", url), { method: "POST" });
      const reqs = Array.from({ length: N }, (_, i) => {
        const p =
          kind === "ncf"
            ? `/ncf/api/v2/packages/pkg${i}?platform=vpc`
            : `/v2/${PROJECT}/fgs/functions/${urn(i)}`;
        return [p, kind === "ncf" ? ncp(p) : hw(url.host, p)];
      });
      const agent = new Agent({ keepAlive: true, maxSockets: 50 });
      const t0 = ticks(child.pid);
      const st = await Promise.all(reqs.map(([p, h]) => send(agent, url, p, h)));
      const used = ticks(child.pid) - t0;
      agent.destroy();
      if (st.some((s) => s !== 204)) throw new Error(`${name} ${kind} not 204: ${st.find((s) => s !== 204)}`);
      if (round > 0) res[name][kind].push((used * 10_000) / N); // µs of CPU per request (100 Hz ticks)
    }
for (const e of Object.values(emus)) e.child.kill();
const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
for (const name of ["base", "new"])
  console.log(
    name === "base" ? values.base : "this tree",
    "CPU µs per verified delete: ncf",
    med(res[name].ncf).toFixed(1),
    res[name].ncf.map((x) => x.toFixed(0)).join(","),
    "| fgs",
    med(res[name].fgs).toFixed(1),
    res[name].fgs.map((x) => x.toFixed(0)).join(","),
  );
rmSync(seedPath, { force: true });
rmSync(work, { recursive: true, force: true });
