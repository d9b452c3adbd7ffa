// RESULTS.md is generated from results.json's data: it says what was measured, where, and how to redo it.

const us = (ms) => `${Math.round(ms * 1000)}`;
const x = (ratio) => `${ratio.toFixed(2)}×`;
const int = (n) => Math.round(n).toLocaleString("en-US");
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function table(header, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function machineSection({ machine, startedAt, finishedAt, profile, command, durationSeconds }) {
  return `## Machine and run

${table(
  ["", ""],
  [
    ["CPU", `${machine.cpu}, ${machine.cores} cores available, ${machine.memoryGiB} GiB`],
    ["OS", machine.os],
    ["Node", `${machine.node} (undici ${machine.undici})`],
    [
      "Versions",
      Object.entries(machine.versions)
        .map(([n, v]) => `${n} ${v}`)
        .join(", "),
    ],
    ["Date", `${startedAt} → ${finishedAt} (${Math.round(durationSeconds)} s)`],
    ["Profile", `${profile} (\`${command}\`)`],
    [
      "Load average (1/5/15 min)",
      `${machine.loadAverageAtStart.join(" / ")} at start, ${machine.loadAverageAtEnd.join(" / ")} at end`,
    ],
  ],
)}

Run it from the repository root:

\`\`\`sh
npm run bench              # full run, a few minutes: the numbers to publish
npm run bench -- --quick   # under a minute: fewer samples, one round
npm run bench -- --only=requests,signing   # some sections (requests, signing, cold-start, footprint)
\`\`\``;
}

function requestTable(rows, mode) {
  return table(
    [
      "Contestant",
      "median µs",
      "p99 µs",
      "req/s",
      "client CPU µs/req",
      "median × fetch",
      "p99 × fetch",
      "time/req × fetch",
      "CPU/req × fetch",
    ],
    rows.map((r) => {
      const s = r[mode];
      const v = r.vsFetch[mode];
      return [
        r.label,
        us(s.medianMs),
        us(s.p99Ms),
        int(s.requestsPerSecond),
        int(s.cpuMicrosPerRequest),
        x(v.median),
        x(v.p99),
        x(v.throughput),
        x(v.cpu),
      ];
    }),
  );
}

function requestsSection({ plan, contestants }) {
  const ours = contestants.filter((c) => c.kind === "ours");
  const byId = new Map(contestants.map((c) => [c.id, c]));
  const likeForLike = table(
    [
      "Client",
      "hand-rolled equivalent",
      "seq. median ×",
      "64-conc. time/req ×",
      "CPU/req ×",
      "official SDK: seq. median ×",
      "official SDK: 64-conc. time/req ×",
      "official SDK: CPU/req ×",
    ],
    ours.map((r) => [
      r.label,
      byId.get(r.vsHandRolled.reference).label,
      x(r.vsHandRolled.sequential.median),
      x(r.vsHandRolled.concurrent.throughput),
      x(r.vsHandRolled.sequential.cpu),
      x(r.officialVsThis.sequential.median),
      x(r.officialVsThis.concurrent.throughput),
      x(r.officialVsThis.sequential.cpu),
    ]),
  );
  return `## Per request: one DELETE answered 204 by a loopback server

The server is a separate Node process on 127.0.0.1 (HTTP/1.1 keep-alive, 204 to everything). Every
contestant runs in a fresh process: ${int(plan.warmup)} requests sequentially and ${int(plan.warmup)} at ${plan.concurrency} concurrent to warm up,
then ${int(plan.sequential)} sequential and ${int(plan.concurrent)} at ${plan.concurrency} concurrent, in ${plan.rounds} round(s) that interleave the contestants.
Latency percentiles pool all rounds; req/s is the median of the rounds. Ratios are costs: above 1× is slower
than raw \`fetch\` measured in the same run ("time/req" is raw fetch's req/s over the contestant's). "Client CPU" is
the CPU time of the contestant's process (all threads, Web Crypto's included) per request: on a shared machine
it is the steadier measure of what the client itself costs.

### Sequential (one request in flight)

${requestTable(contestants, "sequential")}

### ${plan.concurrency} concurrent

${requestTable(contestants, "concurrent")}

### Like for like

Each client against the hand-written \`fetch\` code that sends the same request with the same
authentication, then the official SDK's cost relative to each client (above 1× means the official SDK is
slower; it signs with AK/SK, so \`fgs-client (AK/SK)\` is its like-for-like row). CPU ratios are sequential.

${likeForLike}

Connection reuse: undici (\`fetch\`, and so the fnapi clients) keeps connections alive with no per-origin limit by
default; \`http.request\` gets \`new Agent({ keepAlive: true, maxSockets: 64 })\`; the official SDK is left as its
users get it: axios with no agent of its own, i.e. Node's global agent, which keeps connections alive (Node ≥ 19)
with no socket limit. So every contestant opens up to ${plan.concurrency} connections and reuses them.`;
}

function signingSection({ signers }) {
  return `## Signing alone (no network)

One signing operation over the same DELETE, awaited one at a time, and with 64 in flight (Web Crypto runs
HMAC and SHA-256 off the main thread; the official SDK's \`node:crypto\` calls are synchronous).

${table(
  ["Signer", "ops/s", "µs/op", "ops/s, 64 in flight"],
  signers.map((s) => [
    s.label,
    int(s.opsPerSecond),
    s.microsecondsPerOp.toFixed(1),
    int(s.opsPerSecondParallel),
  ]),
)}`;
}

function coldStartSection({ plan, baselineWallMs, packages }) {
  return `## Cold start

A fresh \`node\` process that loads the package and exits, ${plan.repetitions} times interleaved with an empty process, medians.
"Import" is the process's wall time minus the empty process's (ESM: ${baselineWallMs.esm.toFixed(1)} ms, CommonJS: ${baselineWallMs.cjs.toFixed(1)} ms);
"inside the process" is \`performance.now()\` around the \`import()\`/\`require()\` alone.

${table(
  ["Package", "loaded with", "import ms", "inside the process ms"],
  packages.map((p) => [
    p.id,
    `\`${p.how}\``,
    p.wallMinusBaselineMs.toFixed(1),
    p.inProcessImportMs.toFixed(1),
  ]),
)}`;
}

function footprintSection({ bundles, packageCounts, specs }) {
  const counts = new Map(packageCounts.map((p) => [p.id, p.count]));
  const countFor = (id) => counts.get(id.replace(/ \(.*\)$/, "")) ?? "";
  return `## Footprint

A one-call program per client, bundled by esbuild (\`bundle\`, \`minify\`; platform \`browser\` for fnapi, \`node\` for the
official SDK, which supports nothing else), gzipped at level 9. Installed packages: distinct packages reachable
through \`dependencies\`, \`optionalDependencies\` and \`peerDependencies\`, the package itself included.

${table(
  ["Package", "minified", "min+gzip", "installed packages"],
  bundles.map((b) => [b.id, kb(b.minifiedBytes), kb(b.gzipBytes), String(countFor(b.id))]),
)}${
  specs
    ? `\n\n\`@fnapi/specs\` (the specs, bundled JSON, the offline HTML reference, vectors): ${kb(specs.unpackedBytes)} unpacked, ${kb(specs.packedBytes)} packed, ${specs.files} files.`
    : ""
}`;
}

function targetsSection(checks) {
  const value = (c) =>
    c.unit === "×"
      ? x(c.value)
      : c.unit === "B"
        ? kb(c.value)
        : c.unit === "ops/s"
          ? `${Math.round(c.value).toLocaleString("en-US")} ops/s`
          : `${c.value.toFixed(1)} ms`;
  return `## Targets (issue 16)

${table(
  ["Subject", "Goal", "Measured", "Met"],
  checks.map((c) => [c.subject, c.goal, value(c), c.met ? "yes" : "**no**"]),
)}

See [README.md](README.md) for what causes the misses and the fixes recommended.`;
}

function emulatorSection(emulator) {
  const n = (value) => Math.round(value).toLocaleString("en-US");
  const rows = Object.entries(emulator.requestsPerSecond).map(
    ([api, r]) =>
      `| ${api === "ncf" ? "NCF DELETE package (signature v2)" : "FunctionGraph DELETE function (AK/SK)"} | ${n(r.median)} | ${n(r.min)} | ${n(r.max)} |`,
  );
  return `## @fnapi/emulator: requests/s with every signature verified

${emulator.requests.toLocaleString("en-US")} signed deletes in flight at once over ${emulator.sockets.toLocaleString("en-US")} connections, every one answered 204, the emulator in its own process (\`packages/emulator/bench/throughput.mjs\`), ${emulator.rounds} round(s).

| API | median req/s | min | max |
| --- | --- | --- | --- |
${rows.join("\n")}`;
}

export function renderMarkdown(results) {
  const parts = [
    "# fnapi benchmark results",
    `Generated by \`npm run bench\`; data in [results.json](results.json). Do not edit by hand.`,
    machineSection(results),
  ];
  if (results.requests) parts.push(requestsSection(results.requests));
  if (results.signing) parts.push(signingSection(results.signing));
  if (results.coldStart) parts.push(coldStartSection(results.coldStart));
  if (results.footprint) parts.push(footprintSection(results.footprint));
  if (results.emulator) parts.push(emulatorSection(results.emulator));
  parts.push(targetsSection(results.targets));
  return `${parts.join("\n\n")}\n`;
}
