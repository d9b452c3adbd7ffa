import { NCP_WINDOW_MS } from "../apis/ncf/auth.js";
import { ncpSignature, ncpStringToSign } from "../apis/ncf/signature.js";
import type { ReceivedRequest } from "../auth-common.js";
import { firstDifference, inWords, lastSix, quoted, type SignatureExplanation } from "./explanation.js";

// Why an NCP API Gateway signature v2 was refused. The string to sign holds the request target exactly as
// sent; a signer that built it from another form of the path or query (decoded, re-encoded, without the
// query, with its parameters reordered) is found by re-signing those forms with the seeded secret.

export interface NcpKey {
  accessKey: string;
  secretKey: string;
}

const SCHEME = "NCP signature v2";

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Other forms of the request target a signer may have signed. */
function targetForms(request: ReceivedRequest): string[] {
  const { rawPath, rawQuery } = request;
  const withQuery = (path: string, query: string) => (query === "" ? path : `${path}?${query}`);
  const sortedQuery = rawQuery.split("&").sort().join("&");
  return [
    rawPath,
    withQuery(decoded(rawPath), rawQuery),
    withQuery(decoded(rawPath), decoded(rawQuery)),
    withQuery(encodeURI(decoded(rawPath)), rawQuery),
    withQuery(rawPath, decoded(rawQuery)),
    withQuery(rawPath, sortedQuery),
    withQuery(rawPath, new URLSearchParams(rawQuery).toString()),
  ];
}

export function explainNcp(
  request: ReceivedRequest,
  keys: readonly NcpKey[],
  now: number,
): SignatureExplanation {
  const timestamp = request.headers["x-ncp-apigw-timestamp"];
  const accessKey = request.headers["x-ncp-iam-access-key"];
  const signature = request.headers["x-ncp-apigw-signature-v2"];
  if (!timestamp || !accessKey || !signature) {
    const missing = [
      !timestamp && "x-ncp-apigw-timestamp",
      !accessKey && "x-ncp-iam-access-key",
      !signature && "x-ncp-apigw-signature-v2",
    ].filter(Boolean);
    return {
      scheme: SCHEME,
      problem: "missing-credentials",
      sentence: `The request lacks ${missing.join(", ")}: send all three NCP signature headers.`,
    };
  }
  const about = { scheme: SCHEME, accessKey: accessKey.slice(0, 128), signature: lastSix(signature) };
  if (!/^\d{1,16}$/.test(timestamp)) {
    return {
      ...about,
      problem: "malformed",
      sentence: `x-ncp-apigw-timestamp ${quoted(timestamp)} is not milliseconds since the Unix epoch: send Date.now() as a whole number.`,
    };
  }
  const skewSeconds = Math.round((Number(timestamp) - now) / 1000);
  if (Math.abs(now - Number(timestamp)) >= NCP_WINDOW_MS) {
    return {
      ...about,
      problem: "clock-skew",
      skewSeconds,
      sentence: `The signer's clock is ${inWords(skewSeconds)} ${skewSeconds > 0 ? "ahead of" : "behind"} the emulator's (x-ncp-apigw-timestamp ${timestamp}); the limit is ${NCP_WINDOW_MS / 60_000} minutes: sync the clock (NTP) or sign with the current time in milliseconds.`,
    };
  }
  const key = keys.find((k) => k.accessKey === accessKey);
  if (!key) {
    return {
      ...about,
      problem: "unknown-access-key",
      sentence: `The access key ${quoted(accessKey)} is not known to the emulator: sign with a seeded access key (ncp.credentials) or add this one to the seed.`,
    };
  }
  const computed = { stringToSign: ncpStringToSign(request.method, request.target, timestamp, accessKey) };
  for (const form of targetForms(request)) {
    if (form === request.target) continue;
    const stringToSign = ncpStringToSign(request.method, form, timestamp, accessKey);
    if (ncpSignature(key.secretKey, stringToSign) !== signature) continue;
    const implied = { stringToSign };
    const difference = firstDifference(computed, implied);
    return {
      ...about,
      problem: "encoding",
      sentence: `The request target was signed as ${quoted(form)} but was sent as ${quoted(request.target)}: sign the path and query exactly as they are sent, percent-encoding and parameter order included.`,
      computed,
      implied,
      ...(difference ? { firstDifference: difference } : {}),
    };
  }
  return {
    ...about,
    problem: "wrong-secret",
    sentence: `The string to sign is what the request's method, target, timestamp and access key imply, but the signature (${lastSix(signature)}) was made with another secret key than the one seeded for ${quoted(accessKey)}: sign with that access key's secret key.`,
    computed,
    implied: computed,
  };
}
