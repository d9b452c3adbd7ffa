// Every way of sending the one DELETE that the request benchmark compares. Each `setup` resolves to a
// function that sends one request and settles when the 2xx answer has been fully received.
import http from "node:http";
import { createFgsClient, formatFunctionUrn } from "@fnapi/fgs-client";
import { createNcfClient } from "@fnapi/ncf-client";
import {
  ACCESS_KEY,
  FUNCTION_NAME,
  FUNCTION_URN,
  fgsPath,
  NCF_PACKAGE,
  NCF_PREFIX,
  ncfPathAndQuery,
  PROJECT_ID,
  REGION,
  SECRET_KEY,
  TOKEN,
} from "./fixtures.mjs";
import { createHandRolledHuaweiSigner, createHandRolledNcpSigner } from "./hand-rolled.mjs";
import { createOfficialClient, officialDeleteFunctionRequest } from "./official-sdk.mjs";

// The headers a user would set by hand for a token-authenticated FunctionGraph DELETE.
const TOKEN_HEADERS = { "Content-Type": "application/json", "X-Auth-Token": TOKEN };

function fetchOrThrow(url, init) {
  return fetch(url, init).then(async (response) => {
    if (!response.ok) throw new Error(`${init.method} ${url}: HTTP ${response.status}`);
    if (response.body) await response.arrayBuffer();
  });
}

/** Ordered as the tables show them: the floor, the baselines, ours, theirs. */
export const CONTESTANTS = [
  {
    id: "node-http",
    label: "node:http request (keep-alive Agent)",
    kind: "floor",
    async setup(origin) {
      const { hostname, port } = new URL(origin);
      // The same connection policy undici applies by default: keep-alive, one socket per request in flight.
      const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
      const options = { hostname, port, path: fgsPath(), method: "DELETE", headers: TOKEN_HEADERS, agent };
      return () =>
        new Promise((resolve, reject) => {
          const request = http.request(options, (response) => {
            response.on("end", () =>
              response.statusCode < 300 ? resolve() : reject(new Error(`HTTP ${response.statusCode}`)),
            );
            response.resume();
          });
          request.on("error", reject);
          request.end();
        });
    },
  },
  {
    id: "fetch",
    label: "raw fetch, hand-set headers",
    kind: "baseline",
    async setup(origin) {
      const url = origin + fgsPath();
      return () => fetchOrThrow(url, { method: "DELETE", headers: TOKEN_HEADERS });
    },
  },
  {
    id: "fetch-ncp",
    label: "raw fetch + hand-rolled NCP signing",
    kind: "baseline",
    async setup(origin) {
      const target = ncfPathAndQuery();
      const url = origin + target;
      const sign = await createHandRolledNcpSigner();
      return async () => fetchOrThrow(url, { method: "DELETE", headers: await sign("DELETE", target) });
    },
  },
  {
    id: "fetch-huawei",
    label: "raw fetch + hand-rolled Huawei AK/SK signing",
    kind: "baseline",
    async setup(origin) {
      const url = origin + fgsPath();
      const sign = await createHandRolledHuaweiSigner({ host: new URL(origin).host, projectId: PROJECT_ID });
      // The gateway canonicalises the raw colons of the URN as %3A, and every path ends in "/".
      const canonicalUri = `${fgsPath().replaceAll(":", "%3A")}/`;
      const fixed = { "Content-Type": "application/json", "X-Project-Id": PROJECT_ID };
      return async () =>
        fetchOrThrow(url, {
          method: "DELETE",
          headers: { ...fixed, ...(await sign("DELETE", canonicalUri)) },
        });
    },
  },
  {
    id: "ncf-client",
    label: "@fnapi/ncf-client deletePackage",
    kind: "ours",
    compareTo: "fetch-ncp",
    async setup(origin) {
      const ncf = createNcfClient({
        accessKey: ACCESS_KEY,
        secretKey: SECRET_KEY,
        baseUrl: origin + NCF_PREFIX,
        maxAttempts: 1,
      });
      return () => ncf.deletePackage(NCF_PACKAGE, { platform: "vpc" });
    },
  },
  {
    id: "fgs-client-token",
    label: "@fnapi/fgs-client deleteFunction (token)",
    kind: "ours",
    compareTo: "fetch",
    async setup(origin) {
      const fgs = createFgsClient({ projectId: PROJECT_ID, baseUrl: origin, token: TOKEN, maxAttempts: 1 });
      const urn = formatFunctionUrn({ region: REGION, projectId: PROJECT_ID, name: FUNCTION_NAME });
      return () => fgs.deleteFunction(urn);
    },
  },
  {
    id: "fgs-client-aksk",
    label: "@fnapi/fgs-client deleteFunction (AK/SK)",
    kind: "ours",
    compareTo: "fetch-huawei",
    async setup(origin) {
      const fgs = createFgsClient({
        projectId: PROJECT_ID,
        baseUrl: origin,
        accessKey: ACCESS_KEY,
        secretKey: SECRET_KEY,
        maxAttempts: 1,
      });
      return () => fgs.deleteFunction(FUNCTION_URN);
    },
  },
  {
    id: "official-sdk",
    label: "official @huaweicloud/huaweicloud-sdk-functiongraph deleteFunction (AK/SK)",
    kind: "official",
    async setup(origin) {
      const client = createOfficialClient({
        endpoint: origin,
        accessKey: ACCESS_KEY,
        secretKey: SECRET_KEY,
        projectId: PROJECT_ID,
      });
      return async () => {
        // A fresh request object per call, as a user writes it: the SDK treats it as input only.
        const result = await client.deleteFunction(officialDeleteFunctionRequest(FUNCTION_URN));
        if (result.httpStatusCode >= 300) throw new Error(`HTTP ${result.httpStatusCode}`);
      };
    },
  },
];

export function contestant(id) {
  const found = CONTESTANTS.find((c) => c.id === id);
  if (!found) throw new Error(`unknown contestant ${id}`);
  return found;
}
