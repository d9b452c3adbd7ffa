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

function likeForLikeTable(rows, byId) {
  return table(
    [
      "Client",
      "like-for-like baseline",
      "CPU/req ×, seq.",
      "CPU/req ×, 64 conc.",
      "seq. median ×",
      "64-conc. time/req ×",
      "official SDK: CPU/req ×, seq. / 64 conc.",
      "official SDK: seq. median × / 64-conc. time/req ×",
    ],
    rows.map((r) => [
      r.label,
      byId.get(r.vsLikeForLike.reference).label,
      x(r.vsLikeForLike.sequential.cpu),
      x(r.vsLikeForLike.concurrent.cpu),
      x(r.vsLikeForLike.sequential.median),
      x(r.vsLikeForLike.concurrent.throughput),
      `${x(r.officialVsThis.sequential.cpu)} / ${x(r.officialVsThis.concurrent.cpu)}`,
      `${x(r.officialVsThis.sequential.median)} / ${x(r.officialVsThis.concurrent.throughput)}`,
    ]),
  );
}

function requestsSection({ plan, contestants }) {
  const ours = contestants.filter((c) => c.kind === "ours" && c.vsLikeForLike);
  const byId = new Map(contestants.map((c) => [c.id, c]));
  return `## Per request: one DELETE answered 204 by a loopback server

The server is a separate Node process on 127.0.0.1 (HTTP/1.1 keep-alive, 204 to everything). Every
contestant runs in a fresh process: ${int(plan.warmup)} requests sequentially and ${int(plan.warmup)} at ${plan.concurrency} concurrent to warm up,
then ${int(plan.sequential)} sequential and ${int(plan.concurrent)} at ${plan.concurrency} concurrent, in ${plan.rounds} round(s) that interleave the contestants.
Latency percentiles pool all rounds; req/s and CPU/req are the medians of the rounds. Ratios are costs: above 1×
is slower than the reference measured in the same run ("time/req" is the reference's req/s over the
contestant's). "Client CPU" is the CPU time of the contestant's process (all threads) per request: on a shared
machine it is the steadier measure of what the client itself costs, and issue 23's goals are set on it.

The fnapi clients run in their server build (Node's export conditions: node:crypto signing) with their defaults
(3 attempts, 30 s per attempt, the standard retry strategy; every request here succeeds on the first).

### Like for like (issue 23)

Each client against the \`fetch\` code a careful user would write for the same request (\`like-for-like.mjs\`):
the same URL, method and headers, \`redirect: "manual"\`, the same signature made with node:crypto (the key made
once, as the client's signer does), and a per-attempt timeout made as the client makes it (an AbortController
and a 30 s timer, cleared when the attempt ends). At start-up the run checks that each baseline signs to the same
bytes as @fnapi/auth. Then the official SDK's cost relative to each client (above 1× means the official SDK is
slower; it signs with AK/SK, so the AK/SK rows are its like-for-like ones). The \`node:http adapter\` row is the
token client given a \`fetch\` over node:http with a keep-alive Agent (\`http-fetch.mjs\`, bench code, not shipped).

${likeForLikeTable(ours, byId)}

### Sequential (one request in flight)

${requestTable(contestants, "sequential")}

### ${plan.concurrency} concurrent

${requestTable(contestants, "concurrent")}

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

/** The goals of one run, met or missed: RESULTS.md's last section and README.md's generated table. */
export function targetsTable(checks) {
  // Three decimals: a goal of 1.10× missed by 1.101× must not read "1.10×, missed".
  const value = (c) =>
    c.unit === "×"
      ? `${c.value.toFixed(3)}×`
      : c.unit === "B"
        ? kb(c.value)
        : c.unit === "ops/s"
          ? `${Math.round(c.value).toLocaleString("en-US")} ops/s`
          : `${c.value.toFixed(1)} ms`;
  return table(
    ["Subject", "Goal", "Measured", "Met"],
    checks.map((c) => [c.subject, c.goal, value(c), c.met ? "yes" : "**no**"]),
  );
}

function targetsSection(checks) {
  return `## Targets (issue 23 per request, issue 16 otherwise)

${targetsTable(checks)}

See [README.md](README.md) for what causes the misses and what remains.`;
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
