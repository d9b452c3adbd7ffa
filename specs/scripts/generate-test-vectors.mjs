// Generates specs/test-vectors/*.json: the signing test vectors other languages test against.
//
// This is a second, independent implementation of both algorithms (node:crypto, its own canonicalisation),
// written from specs/auth.md and not sharing code with @fnapi/auth, whose tests run these vectors through
// the Web Crypto implementation. Published vectors are checked here before anything is written: if this
// implementation disagrees with a vendor's published output, the script fails instead of writing.
//
//   node specs/scripts/generate-test-vectors.mjs          write the files
//   node specs/scripts/generate-test-vectors.mjs --check  fail if the committed files differ
import { createHash, createHmac } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";

const out = new URL("../test-vectors/", import.meta.url);

// ---------- NCP API Gateway signature v2 ----------
function ncpVector({
  id,
  description,
  source,
  method,
  url,
  accessKey,
  secretKey,
  timestamp,
  expectedSignature,
}) {
  const u = new URL(url);
  const target = u.pathname + (url.includes("?") ? u.search || "?" : "");
  const stringToSign = `${method} ${target}\n${timestamp}\n${accessKey}`;
  const signature = createHmac("sha256", secretKey).update(stringToSign, "utf8").digest("base64");
  if (expectedSignature && expectedSignature !== signature) {
    throw new Error(`${id}: computed ${signature}, published ${expectedSignature}`);
  }
  return {
    id,
    description,
    source,
    input: { method, url, body: "", credentials: { accessKey, secretKey }, timestamp },
    intermediate: { requestTarget: target, stringToSign },
    expected: {
      headers: {
        "x-ncp-apigw-timestamp": timestamp,
        "x-ncp-iam-access-key": accessKey,
        "x-ncp-apigw-signature-v2": signature,
      },
    },
  };
}

const NCP_AK = "ncp_iam_EXAMPLEACCESSKEY";
const NCP_SK = "EXAMPLESECRETKEY";
const NCF = "https://cloudfunctions.apigw.ntruss.com/ncf/api/v2";
const ncpVectors = [
  ncpVector({
    id: "ncp-reference-get-photos",
    description:
      "The regression vector of the reference: a GET whose query has an empty value and a bare key.",
    source: "published (fnapi reference, computed with two HMAC implementations)",
    method: "GET",
    url: "https://example.apigw.ntruss.com/photos/puppy.jpg?query1=&query2",
    accessKey: "ACCESS_KEY_ID",
    secretKey: "ncp-secret-example",
    timestamp: "1700000000000",
    expectedSignature: "iPe1hFfjl7BPGhFZJGCY5XZgH6eWMwCWlSdSkKU+SPE=",
  }),
  ncpVector({
    id: "ncp-delete-package-with-query",
    description: "DELETE a package with ?platform=vpc: the query is signed exactly as sent.",
    source: "published (fnapi reference)",
    method: "DELETE",
    url: `${NCF}/packages/package001?platform=vpc`,
    accessKey: NCP_AK,
    secretKey: NCP_SK,
    timestamp: "1700000000000",
    expectedSignature: "UWbMqnsLTwsR4SHU3I/w5OLK4gZtxk6zCBbNRhAVStc=",
  }),
  ncpVector({
    id: "ncp-delete-package-without-query",
    description: "DELETE a package without a query: no '?' is signed.",
    source: "published (fnapi reference)",
    method: "DELETE",
    url: `${NCF}/packages/package001`,
    accessKey: NCP_AK,
    secretKey: NCP_SK,
    timestamp: "1700000000000",
    expectedSignature: "ersaDSXrvBD61mKymMul1XfrxWtse9vpH7KTccBhd+0=",
  }),
  ncpVector({
    id: "ncp-delete-package-classic",
    description: "DELETE a package on the Classic platform, Singapore host (the host is not signed).",
    source: "derived",
    method: "DELETE",
    url: "https://sg-cloudfunctions.apigw.ntruss.com/ncf/api/v2/packages/my_pkg-2?platform=classic",
    accessKey: NCP_AK,
    secretKey: NCP_SK,
    timestamp: "1763856000123",
  }),
  ncpVector({
    id: "ncp-percent-encoded-target",
    description:
      "A path and query that needed percent-encoding: the encoded bytes are signed as they go on the wire, never decoded or re-encoded, and the query keeps its order.",
    source: "derived",
    method: "GET",
    url: `${NCF}/packages/a%20b%2Fc?z=%E2%9C%93&a=x%2By&empty=`,
    accessKey: NCP_AK,
    secretKey: NCP_SK,
    timestamp: "1763856000123",
  }),
  ncpVector({
    id: "ncp-non-ascii-secret",
    description: "A secret key with non-ASCII characters is used as its UTF-8 bytes.",
    source: "derived",
    method: "DELETE",
    url: `${NCF}/packages/package001?platform=vpc`,
    accessKey: NCP_AK,
    secretKey: "sécret-키",
    timestamp: "1700000000000",
  }),
];

// API v3 (specs/ncf-v3.yaml): the same scheme; the signed URI starts with `/api/v3` and `platform` is upper case.
const NCF_V3 = "https://kr-cloudfunctions.apigw.ntruss.com/api/v3";
ncpVectors.push(
  ncpVector({
    id: "ncp-v3-delete-package-vpc",
    description: "API v3: DELETE a package with ?platform=VPC; the /api/v3 prefix is signed.",
    source: "derived",
    method: "DELETE",
    url: `${NCF_V3}/packages/batch-pkg?platform=VPC`,
    accessKey: NCP_AK,
    secretKey: NCP_SK,
    timestamp: "1764000000000",
  }),
  ncpVector({
    id: "ncp-v3-list-actions-paged",
    description:
      "API v3: GET one page of every package's actions (`-`); the query is signed in the order sent.",
    source: "derived",
    method: "GET",
    url: `${NCF_V3}/packages/-/actions?platform=VPC&pageNo=2&pageSize=100`,
    accessKey: NCP_AK,
    secretKey: NCP_SK,
    timestamp: "1764000000000",
  }),
  ncpVector({
    id: "ncp-v3-delete-action-version",
    description: "API v3: DELETE an action version of an action in no package (`default`), no query.",
    source: "derived",
    method: "DELETE",
    url: `${NCF_V3}/packages/default/actions/daily-batch-fn/versions/v1-stable`,
    accessKey: NCP_AK,
    secretKey: NCP_SK,
    timestamp: "1764000000000",
  }),
);

// ---------- Huawei SDK-HMAC-SHA256 ----------
const unreserved = /[A-Za-z0-9\-_.~]/;
function encode(text) {
  let result = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const char = String.fromCharCode(byte);
    result +=
      byte < 0x80 && unreserved.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return result;
}
function decode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
const sha256 = (text) => createHash("sha256").update(text, "utf8").digest("hex");
const byteOrder = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));

function huaweiVector({ id, description, source, method, url, headers, credentials, date, expected }) {
  const u = new URL(url);
  const signHeaders = { ...headers, "X-Sdk-Date": date };
  if (credentials.securityToken) signHeaders["X-Security-Token"] = credentials.securityToken;
  let uri = u.pathname
    .split("/")
    .map((s) => encode(decode(s)))
    .join("/");
  if (!uri.endsWith("/")) uri += "/";
  const query = u.search
    .slice(1)
    .split("&")
    .filter(Boolean)
    .map((p) => {
      const i = p.indexOf("=");
      return [encode(decode(i < 0 ? p : p.slice(0, i))), encode(decode(i < 0 ? "" : p.slice(i + 1)))];
    })
    .sort((a, b) => byteOrder(a[0], b[0]) || byteOrder(a[1], b[1]))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const names = Object.keys(signHeaders)
    .map((n) => n.toLowerCase())
    .sort(byteOrder);
  const lower = Object.fromEntries(Object.entries(signHeaders).map(([n, v]) => [n.toLowerCase(), v.trim()]));
  const canonicalHeaders = names.map((n) => `${n}:${lower[n]}\n`).join("");
  const signedHeaders = names.join(";");
  const canonicalRequest = [method, uri, query, canonicalHeaders, signedHeaders, sha256("")].join("\n");
  const canonicalRequestSha256 = sha256(canonicalRequest);
  const stringToSign = `SDK-HMAC-SHA256\n${date}\n${canonicalRequestSha256}`;
  const signature = createHmac("sha256", Buffer.from(credentials.secretKey, "utf8"))
    .update(stringToSign)
    .digest("hex");
  const authorization = `SDK-HMAC-SHA256 Access=${credentials.accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  if (expected?.canonicalRequestSha256 && expected.canonicalRequestSha256 !== canonicalRequestSha256) {
    throw new Error(
      `${id}: canonical request hash ${canonicalRequestSha256}, published ${expected.canonicalRequestSha256}`,
    );
  }
  if (expected?.authorization && expected.authorization !== authorization) {
    throw new Error(`${id}: computed ${authorization}, published ${expected.authorization}`);
  }
  const sent = { "X-Sdk-Date": date, Authorization: authorization };
  if (credentials.securityToken) sent["X-Security-Token"] = credentials.securityToken;
  return {
    id,
    description,
    source,
    input: { method, url, headers, body: "", credentials, time: date },
    intermediate: {
      canonicalUri: uri,
      canonicalQueryString: query,
      canonicalHeaders,
      signedHeaders,
      bodySha256: sha256(""),
      canonicalRequest,
      canonicalRequestSha256,
      stringToSign,
    },
    expected: { signature, headers: sent },
  };
}

const PROJECT = "7aad83af3e8d42e99ac194e8419e2c9b";
const FGS = "https://functiongraph.cn-north-4.myhuaweicloud.com";
const fgsUrl = (urn) => `${FGS}/v2/${PROJECT}/fgs/functions/${urn}`;
const fgsHeaders = {
  "Content-Type": "application/json",
  Host: "functiongraph.cn-north-4.myhuaweicloud.com",
  "X-Project-Id": PROJECT,
};
const HW = { accessKey: "HPUAEXAMPLEACCESSKEY", secretKey: "ExampleSecretKey0123456789abcdefghijklmn" };
const DATE = "20261123T090000Z";
const urn = (suffix) => `urn:fss:cn-north-4:${PROJECT}:function:default:${suffix}`;

const huaweiVectors = [
  huaweiVector({
    id: "huawei-guide-get-vpcs",
    description:
      "The worked example of Huawei's API request signing guide: a GET with a two-parameter query.",
    source: "published (Huawei Cloud API request signing guide)",
    method: "GET",
    url: "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
    headers: { "Content-Type": "application/json", Host: "service.region.example.com" },
    credentials: { accessKey: "QTWAOYTTINDUT2QVKYUC", secretKey: "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc" },
    date: "20191115T033655Z",
    expected: {
      canonicalRequestSha256: "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a",
      authorization:
        "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
    },
  }),
  huaweiVector({
    id: "huawei-go-sdk-test1",
    description: "Huawei's Go SDK signer test 'test1': only X-Sdk-Date is signed (no Host).",
    source: "published (huaweicloud-sdk-go-v3 signer_test.go)",
    method: "GET",
    url: "https://example.huaweicloud.com/path?limit=1",
    headers: {},
    credentials: { accessKey: "AccessKey", secretKey: "SecretKey" },
    date: "20060102T150405Z",
    expected: {
      authorization:
        "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624",
    },
  }),
  huaweiVector({
    id: "fgs-delete-function",
    description: "DELETE a whole function (7-field URN): the URN's ':' become %3A in the canonical URI only.",
    source: "derived",
    method: "DELETE",
    url: fgsUrl(urn("hello")),
    headers: fgsHeaders,
    credentials: HW,
    date: DATE,
  }),
  huaweiVector({
    id: "fgs-delete-version",
    description: "DELETE one version (8-field URN).",
    source: "derived",
    method: "DELETE",
    url: fgsUrl(urn("hello:v20170830-181539")),
    headers: fgsHeaders,
    credentials: HW,
    date: DATE,
  }),
  huaweiVector({
    id: "fgs-delete-alias",
    description: "DELETE the version an alias points to: '!' becomes %21 in the canonical URI only.",
    source: "derived",
    method: "DELETE",
    url: fgsUrl(urn("hello:!prod")),
    headers: fgsHeaders,
    credentials: HW,
    date: DATE,
  }),
  huaweiVector({
    id: "fgs-delete-temporary-credentials",
    description: "Temporary credentials: X-Security-Token is sent and signed.",
    source: "derived",
    method: "DELETE",
    url: fgsUrl(urn("hello")),
    headers: fgsHeaders,
    credentials: { ...HW, securityToken: "gQpjbi1ub3J0aC00TEMPORARYSECURITYTOKENEXAMPLE" },
    date: DATE,
  }),
  huaweiVector({
    id: "fgs-delete-percent-encoded-urn",
    description:
      "The same function as fgs-delete-function, its URN percent-encoded on the wire: segments are decoded before encoding, so the canonical URI (and the signature) are the same, never %253A.",
    source: "derived",
    method: "DELETE",
    url: fgsUrl(urn("hello").replaceAll(":", "%3A")),
    headers: fgsHeaders,
    credentials: HW,
    date: DATE,
  }),
  huaweiVector({
    id: "huawei-encoding-and-query-order",
    description:
      "A path segment and query that need RFC 3986 encoding (space, non-ASCII, reserved characters, '~' kept) and an unsorted query with a repeated key and a bare key.",
    source: "derived",
    method: "GET",
    url: `${FGS}/v2/${PROJECT}/fgs/functions/a%20b~c%E2%9C%93(1)?z=2&a=x%20y&a=%21&flag&m=*`,
    headers: { Host: "functiongraph.cn-north-4.myhuaweicloud.com", "X-Project-Id": PROJECT },
    credentials: HW,
    date: DATE,
  }),
  huaweiVector({
    id: "huawei-custom-port-host",
    description: "A non-default port is part of the signed host; header values are trimmed.",
    source: "derived",
    method: "DELETE",
    url: `https://functiongraph.example.internal:8443/v2/${PROJECT}/fgs/functions/${urn("hello")}`,
    headers: {
      Host: "functiongraph.example.internal:8443",
      "Content-Type": "  application/json  ",
      "X-Project-Id": PROJECT,
    },
    credentials: HW,
    date: DATE,
  }),
];

const files = {
  "ncp-signature-v2.json": {
    $schema: "./schema.json",
    algorithm: "NCP API Gateway signature v2",
    description: "Inputs, the string to sign and the expected headers. See README.md and ../auth.md.",
    vectors: ncpVectors,
  },
  "huawei-sdk-hmac-sha256.json": {
    $schema: "./schema.json",
    algorithm: "Huawei Cloud SDK-HMAC-SHA256 (AK/SK)",
    description:
      "Inputs, the canonical request and string to sign, and the expected headers. See README.md and ../auth.md.",
    vectors: huaweiVectors,
  },
};

const check = process.argv.includes("--check");
let stale = 0;
for (const [name, content] of Object.entries(files)) {
  const text = `${JSON.stringify(content, null, 2)}\n`;
  const url = new URL(name, out);
  if (check) {
    let current = "";
    try {
      current = readFileSync(url, "utf8");
    } catch {}
    if (current !== text) {
      console.error(`specs/test-vectors/${name} is stale: run node specs/scripts/generate-test-vectors.mjs`);
      stale++;
    }
  } else {
    writeFileSync(url, text);
  }
}
if (stale) process.exit(1);
console.log(check ? "test vectors are up to date" : "test vectors written");
