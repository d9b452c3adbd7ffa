// What a user who skips the SDKs would write: fetch plus the signing algorithm in a few lines, with the key
// imported once. These are the baselines the clients' own signing overhead is judged against.
import { ACCESS_KEY, SECRET_KEY } from "./fixtures.mjs";

const utf8 = new TextEncoder();

function importKey() {
  return crypto.subtle.importKey("raw", utf8.encode(SECRET_KEY), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
}

/** NCP API Gateway signature v2 headers for `method` and the path-and-query `target`. */
export async function createHandRolledNcpSigner() {
  const key = await importKey();
  return async (method, target) => {
    const timestamp = String(Date.now());
    const mac = await crypto.subtle.sign(
      "HMAC",
      key,
      utf8.encode(`${method} ${target}\n${timestamp}\n${ACCESS_KEY}`),
    );
    return {
      "x-ncp-apigw-timestamp": timestamp,
      "x-ncp-iam-access-key": ACCESS_KEY,
      "x-ncp-apigw-signature-v2": Buffer.from(mac).toString("base64"),
    };
  };
}

const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const SIGNED_HEADERS = "content-type;host;x-project-id;x-sdk-date";

/**
 * Huawei SDK-HMAC-SHA256 for a body-less request whose headers are exactly Content-Type, Host, X-Project-Id
 * and X-Sdk-Date: knowing the header set lets a hand-written signer skip sorting and generic encoding.
 * `canonicalUri` is the path as the gateway canonicalises it (each segment percent-encoded, trailing slash).
 */
export async function createHandRolledHuaweiSigner({ host, projectId }) {
  const key = await importKey();
  return async (method, canonicalUri) => {
    const date = `${new Date().toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
    const canonicalRequest = `${method}\n${canonicalUri}\n\ncontent-type:application/json\nhost:${host}\nx-project-id:${projectId}\nx-sdk-date:${date}\n\n${SIGNED_HEADERS}\n${EMPTY_BODY_SHA256}`;
    const digest = await crypto.subtle.digest("SHA-256", utf8.encode(canonicalRequest));
    const stringToSign = `SDK-HMAC-SHA256\n${date}\n${Buffer.from(digest).toString("hex")}`;
    const mac = await crypto.subtle.sign("HMAC", key, utf8.encode(stringToSign));
    return {
      "X-Sdk-Date": date,
      Authorization: `SDK-HMAC-SHA256 Access=${ACCESS_KEY}, SignedHeaders=${SIGNED_HEADERS}, Signature=${Buffer.from(mac).toString("hex")}`,
    };
  };
}
