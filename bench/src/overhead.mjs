// The client's own CPU per call, without a network: `node src/overhead.mjs [calls] [rounds]` from bench/.
// Each client (standalone operations, server build: node:crypto) and its like-for-like baseline (the same
// signing and attempt timeout as like-for-like.mjs) send through a stub `fetch` that answers 204 at once, so
// what is left is what the client adds to a request: building it, signing, the attempt loop, the checks.
// Contestants alternate within each round (the machine is shared); reported: median over rounds of process
// CPU µs per call, sequential calls. A tool for work on issue 23's per-request goal, not part of `npm run bench`.
import os from "node:os";
import { createFgs, deleteFunction, fgsAkSk, fgsToken } from "@fnapi/fgs-client";
import { createNcf, deletePackage } from "@fnapi/ncf-client";
import {
  ACCESS_KEY,
  FUNCTION_URN,
  fgsPath,
  NCF_PACKAGE,
  NCF_PREFIX,
  ncfPathAndQuery,
  PROJECT_ID,
  SECRET_KEY,
  TOKEN,
} from "./fixtures.mjs";
import {
  createNodeHuaweiSigner,
  createNodeNcpSigner,
  fetchAttempt,
  huaweiCanonicalUri,
} from "./like-for-like.mjs";

const ORIGIN = "http://127.0.0.1:9";
const stubFetch = () => Promise.resolve(new Response(null, { status: 204 }));

function contestants() {
  const ncfTarget = ncfPathAndQuery();
  const ncpSign = createNodeNcpSigner();
  const huaweiSign = createNodeHuaweiSigner({ host: new URL(ORIGIN).host });
  const path = fgsPath();
  const ncf = createNcf({
    accessKey: ACCESS_KEY,
    secretKey: SECRET_KEY,
    baseUrl: ORIGIN + NCF_PREFIX,
    fetch: stubFetch,
  });
  const token = createFgs({
    projectId: PROJECT_ID,
    baseUrl: ORIGIN,
    auth: fgsToken(TOKEN),
    fetch: stubFetch,
  });
  const aksk = createFgs({
    projectId: PROJECT_ID,
    baseUrl: ORIGIN,
    auth: fgsAkSk({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY }),
    fetch: stubFetch,
  });
  return [
    {
      scheme: "ncf",
      baseline: () => fetchAttempt(ORIGIN + ncfTarget, "DELETE", ncpSign("DELETE", ncfTarget), stubFetch),
      client: () => deletePackage(ncf, NCF_PACKAGE, { platform: "vpc" }),
    },
    {
      scheme: "token",
      baseline: () =>
        fetchAttempt(
          ORIGIN + path,
          "DELETE",
          { "Content-Type": "application/json", "X-Auth-Token": TOKEN },
          stubFetch,
        ),
      client: () => deleteFunction(token, FUNCTION_URN),
    },
    {
      scheme: "aksk",
      baseline: () =>
        fetchAttempt(ORIGIN + path, "DELETE", huaweiSign("DELETE", huaweiCanonicalUri(path)), stubFetch),
      client: () => deleteFunction(aksk, FUNCTION_URN),
    },
  ];
}

/** Process CPU µs per call over `calls` sequential calls. */
async function cpuPerCall(call, calls) {
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i++) await call();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / calls;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main() {
  const calls = Number(process.argv[2] ?? 20_000);
  const rounds = Number(process.argv[3] ?? 7);
  const list = contestants();
  const samples = new Map(
    list.flatMap(({ scheme }) => [
      [`${scheme}:client`, []],
      [`${scheme}:baseline`, []],
    ]),
  );
  for (const { baseline, client } of list) {
    await cpuPerCall(baseline, calls / 4);
    await cpuPerCall(client, calls / 4);
  }
  for (let round = 0; round < rounds; round++) {
    // Alternate which side goes first, so neither always follows the other's garbage.
    for (const { scheme, baseline, client } of list) {
      const order =
        round % 2
          ? [
              ["client", client],
              ["baseline", baseline],
            ]
          : [
              ["baseline", baseline],
              ["client", client],
            ];
      for (const [side, call] of order) samples.get(`${scheme}:${side}`).push(await cpuPerCall(call, calls));
    }
  }
  console.log(
    `load average ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}; ${calls} calls × ${rounds} rounds; CPU µs per call (median)`,
  );
  console.log("scheme  baseline  client  client−baseline  ratio");
  for (const { scheme } of list) {
    const b = median(samples.get(`${scheme}:baseline`));
    const c = median(samples.get(`${scheme}:client`));
    console.log(
      `${scheme.padEnd(7)} ${b.toFixed(1).padStart(8)}  ${c.toFixed(1).padStart(6)}  ${(c - b).toFixed(1).padStart(15)}  ${(c / b).toFixed(3)}×`,
    );
  }
}

await main();
