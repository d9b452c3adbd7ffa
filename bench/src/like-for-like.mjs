// The like-for-like baselines of issue 23: what a careful user writes instead of a client, doing the same work
// per request. Raw `fetch` with the URL, method and headers the client sends (`redirect: "manual"` too), the
// same signing with node:crypto (the key made once, as the server build's signer does; one-shot SHA-256,
// one Hmac per signature) and a per-attempt timeout the way the client makes it: an AbortController and a
// 30 s timer (the client's default `timeoutMs`), cleared when the attempt ends. No retries, no validation, no
// redaction, no typed errors: the ratio of a client to its baseline is what those cost.
import { createHmac, createSecretKey, hash } from "node:crypto";
import { createNcpSigner, huaweiSign } from "@fnapi/auth";
import { nodeCrypto } from "@fnapi/auth/server";
import { ACCESS_KEY, PROJECT_ID, SECRET_KEY } from "./fixtures.mjs";

/** The client's default per-attempt bound (`timeoutMs`). */
export const ATTEMPT_TIMEOUT_MS = 30_000;

/** NCP signature v2 headers for `METHOD target` at `now`: the three headers @fnapi/ncf-client sends. */
export function createNodeNcpSigner() {
  const key = createSecretKey(Buffer.from(SECRET_KEY, "utf8"));
  return (method, target, now = Date.now()) => {
    const timestamp = String(now);
    const signature = createHmac("sha256", key)
      .update(`${method} ${target}\n${timestamp}\n${ACCESS_KEY}`, "utf8")
      .digest("base64");
    return {
      "x-ncp-apigw-timestamp": timestamp,
      "x-ncp-iam-access-key": ACCESS_KEY,
      "x-ncp-apigw-signature-v2": signature,
    };
  };
}

const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const SIGNED_HEADERS = "content-type;host;x-project-id;x-sdk-date";
const two = (n) => (n < 10 ? `0${n}` : String(n));

/** `YYYYMMDDTHHMMSSZ`. */
function sdkDate(now) {
  const d = new Date(now);
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}T${two(d.getUTCHours())}${two(
    d.getUTCMinutes(),
  )}${two(d.getUTCSeconds())}Z`;
}

/**
 * Huawei SDK-HMAC-SHA256 headers for a body-less request carrying exactly Content-Type, Host, X-Project-Id
 * and X-Sdk-Date (what @fnapi/fgs-client signs for a DELETE). `canonicalUri` is the path as the gateway
 * canonicalises it (segments RFC 3986-encoded, trailing slash). Returns every header the client sends.
 */
export function createNodeHuaweiSigner({ host }) {
  const key = createSecretKey(Buffer.from(SECRET_KEY, "utf8"));
  return (method, canonicalUri, now = Date.now()) => {
    const date = sdkDate(now);
    const canonicalRequest = `${method}\n${canonicalUri}\n\ncontent-type:application/json\nhost:${host}\nx-project-id:${PROJECT_ID}\nx-sdk-date:${date}\n\n${SIGNED_HEADERS}\n${EMPTY_BODY_SHA256}`;
    const stringToSign = `SDK-HMAC-SHA256\n${date}\n${hash("sha256", canonicalRequest, "hex")}`;
    const signature = createHmac("sha256", key).update(stringToSign, "utf8").digest("hex");
    return {
      "Content-Type": "application/json",
      "X-Project-Id": PROJECT_ID,
      "X-Sdk-Date": date,
      Authorization: `SDK-HMAC-SHA256 Access=${ACCESS_KEY}, SignedHeaders=${SIGNED_HEADERS}, Signature=${signature}`,
    };
  };
}

/** One attempt: fetch with its own timeout, settled when the 2xx answer is complete. */
export async function fetchAttempt(url, method, headers, fetchWith = fetch) {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException("The attempt timed out", "TimeoutError")),
    ATTEMPT_TIMEOUT_MS,
  );
  try {
    const response = await fetchWith(url, { method, headers, redirect: "manual", signal: controller.signal });
    if (!response.ok) throw new Error(`${method} ${url}: HTTP ${response.status}`);
    if (response.body) await response.arrayBuffer();
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Proof that the baselines do the clients' work: at a fixed time each signs to the very bytes @fnapi/auth
 * signs (its signers, with node:crypto). Throws when they differ, so a wrong baseline never gets measured.
 */
export async function checkLikeForLikeSignatures({ origin, fgsPath, ncfTarget }) {
  const now = Date.UTC(2026, 0, 2, 3, 4, 5);
  const ncp = createNodeNcpSigner()("DELETE", ncfTarget, now);
  const library = await createNcpSigner(
    { accessKey: ACCESS_KEY, secretKey: SECRET_KEY },
    { clock: () => now, crypto: nodeCrypto },
  ).headersFor("DELETE", origin + ncfTarget);
  if (JSON.stringify(ncp) !== JSON.stringify(library))
    throw new Error(
      `like-for-like NCP signing differs from @fnapi/auth: ${JSON.stringify({ ncp, library })}`,
    );
  const host = new URL(origin).host;
  const huawei = createNodeHuaweiSigner({ host })("DELETE", huaweiCanonicalUri(fgsPath), now);
  const signed = await huaweiSign(
    { accessKey: ACCESS_KEY, secretKey: SECRET_KEY },
    {
      method: "DELETE",
      url: origin + fgsPath,
      headers: {
        host,
        "content-type": "application/json",
        "x-project-id": PROJECT_ID,
        "x-sdk-date": huawei["X-Sdk-Date"],
      },
    },
    nodeCrypto,
  );
  if (huawei.Authorization !== signed.authorization)
    throw new Error(`like-for-like Huawei signing differs from @fnapi/auth: ${huawei.Authorization}`);
}

/** The canonical URI of a FunctionGraph path: the URN's colons as %3A, and a trailing slash. */
export function huaweiCanonicalUri(path) {
  return `${path.replaceAll(":", "%3A")}/`;
}
