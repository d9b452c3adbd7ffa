// Every way of sending the one DELETE that the request benchmark compares. Each `setup` resolves to a
// function that sends one request and settles when the 2xx answer has been fully received.
import http from "node:http";
import {
  createFgs,
  createFgsClient,
  deleteFunction,
  fgsAkSk,
  fgsToken,
  formatFunctionUrn,
} from "@fnapi/fgs-client";
import { createNcf, createNcfClient, deletePackage } from "@fnapi/ncf-client";
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
import { createHttpFetch } from "./http-fetch.mjs";
import {
  createNodeHuaweiSigner,
  createNodeNcpSigner,
  fetchAttempt,
  huaweiCanonicalUri,
} from "./like-for-like.mjs";
import { createOfficialClient, officialDeleteFunctionRequest } from "./official-sdk.mjs";

// The headers a user would set by hand for a token-authenticated FunctionGraph DELETE.
const TOKEN_HEADERS = { "Content-Type": "application/json", "X-Auth-Token": TOKEN };

function fetchOrThrow(url, init) {
  return fetch(url, init).then(async (response) => {
    if (!response.ok) throw new Error(`${init.method} ${url}: HTTP ${response.status}`);
    if (response.body) await response.arrayBuffer();
  });
}

/**
 * Ordered as the tables show them: the floor, the baselines, ours (the standalone operations users are told to
 * use, then the all-methods clients), theirs. Every client of ours runs with its defaults (3 attempts, 30 s
 * per attempt, the standard retry strategy) in the server build (Node's export conditions: node:crypto).
 */
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
    id: "lfl-ncp",
    label: "like-for-like: fetch + NCP signing (node:crypto) + attempt timeout",
    kind: "baseline",
    async setup(origin) {
      const target = ncfPathAndQuery();
      const sign = createNodeNcpSigner();
      return () => fetchAttempt(origin + target, "DELETE", sign("DELETE", target));
    },
  },
  {
    id: "lfl-token",
    label: "like-for-like: fetch + X-Auth-Token + attempt timeout",
    kind: "baseline",
    async setup(origin) {
      const path = fgsPath();
      return () => fetchAttempt(origin + path, "DELETE", { ...TOKEN_HEADERS });
    },
  },
  {
    id: "lfl-aksk",
    label: "like-for-like: fetch + Huawei AK/SK signing (node:crypto) + attempt timeout",
    kind: "baseline",
    async setup(origin) {
      const path = fgsPath();
      const sign = createNodeHuaweiSigner({ host: new URL(origin).host });
      return () => fetchAttempt(origin + path, "DELETE", sign("DELETE", huaweiCanonicalUri(path)));
    },
  },
  {
    id: "ncf",
    label: "@fnapi/ncf-client deletePackage(createNcf(…))",
    kind: "ours",
    compareTo: "lfl-ncp",
    async setup(origin) {
      const ncf = createNcf({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY, baseUrl: origin + NCF_PREFIX });
      return () => deletePackage(ncf, NCF_PACKAGE, { platform: "vpc" });
    },
  },
  {
    id: "fgs-token",
    label: "@fnapi/fgs-client deleteFunction(createFgs({ auth: fgsToken }))",
    kind: "ours",
    compareTo: "lfl-token",
    async setup(origin) {
      const fgs = createFgs({ projectId: PROJECT_ID, baseUrl: origin, auth: fgsToken(TOKEN) });
      const urn = formatFunctionUrn({ region: REGION, projectId: PROJECT_ID, name: FUNCTION_NAME });
      return () => deleteFunction(fgs, urn);
    },
  },
  {
    id: "fgs-aksk",
    label: "@fnapi/fgs-client deleteFunction(createFgs({ auth: fgsAkSk }))",
    kind: "ours",
    compareTo: "lfl-aksk",
    async setup(origin) {
      const auth = fgsAkSk({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY });
      const fgs = createFgs({ projectId: PROJECT_ID, baseUrl: origin, auth });
      return () => deleteFunction(fgs, FUNCTION_URN);
    },
  },
  {
    id: "fgs-token-http",
    label: "@fnapi/fgs-client deleteFunction(createFgs({ auth: fgsToken, fetch: node:http adapter }))",
    kind: "ours",
    style: "transport",
    compareTo: "lfl-token",
    async setup(origin) {
      const fetch = createHttpFetch();
      const fgs = createFgs({ projectId: PROJECT_ID, baseUrl: origin, auth: fgsToken(TOKEN), fetch });
      return () => deleteFunction(fgs, FUNCTION_URN);
    },
  },
  {
    id: "ncf-client",
    label: "@fnapi/ncf-client createNcfClient(…).deletePackage",
    kind: "ours",
    style: "method",
    compareTo: "lfl-ncp",
    async setup(origin) {
      const ncf = createNcfClient({
        accessKey: ACCESS_KEY,
        secretKey: SECRET_KEY,
        baseUrl: origin + NCF_PREFIX,
      });
      return () => ncf.deletePackage(NCF_PACKAGE, { platform: "vpc" });
    },
  },
  {
    id: "fgs-client-token",
    label: "@fnapi/fgs-client createFgsClient({ token }).deleteFunction",
    kind: "ours",
    style: "method",
    compareTo: "lfl-token",
    async setup(origin) {
      const fgs = createFgsClient({ projectId: PROJECT_ID, baseUrl: origin, token: TOKEN });
      return () => fgs.deleteFunction(FUNCTION_URN);
    },
  },
  {
    id: "fgs-client-aksk",
    label: "@fnapi/fgs-client createFgsClient({ accessKey, secretKey }).deleteFunction",
    kind: "ours",
    style: "method",
    compareTo: "lfl-aksk",
    async setup(origin) {
      const fgs = createFgsClient({
        projectId: PROJECT_ID,
        baseUrl: origin,
        accessKey: ACCESS_KEY,
        secretKey: SECRET_KEY,
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
