// Signing alone, no network: what each signer costs per request. Each `setup` resolves to one signing
// operation over the same DELETE the request benchmark sends.
import { createHuaweiSigner, createNcpSigner } from "@fnapi/auth";
import { nodeCrypto } from "@fnapi/auth/server";
import { ACCESS_KEY, fgsPath, ncfPathAndQuery, PROJECT_ID, SECRET_KEY } from "./fixtures.mjs";
import { createHandRolledHuaweiSigner, createHandRolledNcpSigner } from "./hand-rolled.mjs";
import { createNodeHuaweiSigner, createNodeNcpSigner, huaweiCanonicalUri } from "./like-for-like.mjs";
import { loadOfficialSigner } from "./official-sdk.mjs";

const ORIGIN = "http://127.0.0.1:8080";
const CREDENTIALS = { accessKey: ACCESS_KEY, secretKey: SECRET_KEY };
const FGS_HEADERS = { "Content-Type": "application/json", "X-Project-Id": PROJECT_ID };

export const SIGNERS = [
  {
    id: "ncp",
    label: "@fnapi/auth createNcpSigner().headersFor",
    async setup() {
      const signer = createNcpSigner(CREDENTIALS);
      const url = ORIGIN + ncfPathAndQuery();
      return () => signer.headersFor("DELETE", url);
    },
  },
  {
    id: "ncp-node",
    label: "@fnapi/auth createNcpSigner({ crypto: nodeCrypto }) (the server build's)",
    async setup() {
      const signer = createNcpSigner(CREDENTIALS, { crypto: nodeCrypto });
      const url = ORIGIN + ncfPathAndQuery();
      return () => signer.headersFor("DELETE", url);
    },
  },
  {
    id: "ncp-hand-rolled",
    label: "hand-rolled NCP v2 (Web Crypto, key imported once)",
    async setup() {
      const sign = await createHandRolledNcpSigner();
      const target = ncfPathAndQuery();
      return () => sign("DELETE", target);
    },
  },
  {
    id: "ncp-like-for-like",
    label: "like-for-like NCP v2 (node:crypto, key made once: the request bench's baseline)",
    async setup() {
      const sign = createNodeNcpSigner();
      const target = ncfPathAndQuery();
      return () => sign("DELETE", target);
    },
  },
  {
    id: "huawei",
    label: "@fnapi/auth createHuaweiSigner().sign(new Request(...))",
    async setup() {
      const signer = createHuaweiSigner(CREDENTIALS);
      const url = ORIGIN + fgsPath();
      return () => signer.sign(new Request(url, { method: "DELETE", headers: FGS_HEADERS }));
    },
  },
  {
    id: "huawei-node",
    label:
      "@fnapi/auth createHuaweiSigner({ crypto: nodeCrypto }) (the server build's, on the client kit's light request)",
    async setup() {
      const signer = createHuaweiSigner(CREDENTIALS, { crypto: nodeCrypto });
      const url = ORIGIN + fgsPath();
      // what @fnapi/runtime's client kit hands an auth scheme: url, method, headers, body (no undici Request)
      return () => signer.sign({ url, method: "DELETE", headers: new Headers(FGS_HEADERS), body: null });
    },
  },
  {
    id: "request-only",
    label: "new Request(...) alone (part of the line above)",
    async setup() {
      const url = ORIGIN + fgsPath();
      return () => new Request(url, { method: "DELETE", headers: FGS_HEADERS });
    },
  },
  {
    id: "huawei-hand-rolled",
    label: "hand-rolled Huawei AK/SK (Web Crypto, fixed header set)",
    async setup() {
      const sign = await createHandRolledHuaweiSigner({ host: new URL(ORIGIN).host, projectId: PROJECT_ID });
      const canonicalUri = `${fgsPath().replaceAll(":", "%3A")}/`;
      return () => sign("DELETE", canonicalUri);
    },
  },
  {
    id: "huawei-like-for-like",
    label: "like-for-like Huawei AK/SK (node:crypto, key made once: the request bench's baseline)",
    async setup() {
      const sign = createNodeHuaweiSigner({ host: new URL(ORIGIN).host });
      const path = fgsPath();
      return () => sign("DELETE", huaweiCanonicalUri(path));
    },
  },
  {
    id: "huawei-official",
    label: "official SDK AKSKSigner.sign (node:crypto, synchronous)",
    async setup() {
      const { AKSKSigner, credentials } = loadOfficialSigner({ ...CREDENTIALS, projectId: PROJECT_ID });
      const endpoint = ORIGIN + fgsPath();
      // The shape HcClient hands to the signer for a FunctionGraph DELETE.
      return () =>
        AKSKSigner.sign(
          {
            endpoint,
            method: "DELETE",
            headers: { "content-type": "application/json", "X-Project-Id": PROJECT_ID },
            queryParams: {},
          },
          credentials,
        );
    },
  },
];

export function signer(id) {
  const found = SIGNERS.find((s) => s.id === id);
  if (!found) throw new Error(`unknown signer ${id}`);
  return found;
}
