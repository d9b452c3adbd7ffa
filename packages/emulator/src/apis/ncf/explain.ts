import type { ReceivedRequest } from "../../auth-common.js";
import { firstDifference, inWords, lastSix, quoted, type SignatureExplanation } from "../../explanation.js";
import { ncpSignature, ncpStringToSign } from "./signature.js";

// Why an NCP API Gateway signature v2 was refused, in words, for the inspector and the request log. The
// authentication (auth.ts) decides what is wrong, once; these build the sentence it is told in. For a
// signature that does not match, the string to sign holds the request target exactly as sent: a signer that
// built it from another form of the path or query (decoded, re-encoded, without the query, with its
// parameters reordered) is found by re-signing those forms with the key the authentication found.

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

const about = (accessKey: string, signature: string) => ({
  scheme: SCHEME,
  accessKey: accessKey.slice(0, 128),
  signature: lastSix(signature),
});

export const explainNcp = {
  missing: (missing: string[]): SignatureExplanation => ({
    scheme: SCHEME,
    problem: "missing-credentials",
    sentence: `The request lacks ${missing.join(", ")}: send all three NCP signature headers.`,
  }),
  malformedTimestamp: (timestamp: string, accessKey: string, signature: string): SignatureExplanation => ({
    ...about(accessKey, signature),
    problem: "malformed",
    sentence: `x-ncp-apigw-timestamp ${quoted(timestamp)} is not milliseconds since the Unix epoch: send Date.now() as a whole number.`,
  }),
  clockSkew: (
    skewSeconds: number,
    windowMs: number,
    timestamp: string,
    accessKey: string,
    signature: string,
  ): SignatureExplanation => ({
    ...about(accessKey, signature),
    problem: "clock-skew",
    skewSeconds,
    sentence: `The signer's clock is ${inWords(skewSeconds)} ${skewSeconds > 0 ? "ahead of" : "behind"} the emulator's (x-ncp-apigw-timestamp ${timestamp}); the limit is ${windowMs / 60_000} minutes: sync the clock (NTP) or sign with the current time in milliseconds.`,
  }),
  expiredKey: (accessKey: string, signature: string): SignatureExplanation => ({
    ...about(accessKey, signature),
    problem: "expired-credential",
    sentence: `The Server Role key ${quoted(accessKey)} has expired: fetch new credentials from the metadata server and sign with them.`,
  }),
  unknownKey: (accessKey: string, signature: string): SignatureExplanation => ({
    ...about(accessKey, signature),
    problem: "unknown-access-key",
    sentence: `The access key ${quoted(accessKey)} is not known to the emulator: sign with a seeded access key (ncp.credentials) or add this one to the seed.`,
  }),
  /** The signature does not match: which other form of the target was signed, or else the secret differs. */
  mismatch(
    request: ReceivedRequest,
    timestamp: string,
    accessKey: string,
    secretKey: string,
    signature: string,
  ) {
    const computed = { stringToSign: ncpStringToSign(request.method, request.target, timestamp, accessKey) };
    for (const form of targetForms(request)) {
      if (form === request.target) continue;
      const stringToSign = ncpStringToSign(request.method, form, timestamp, accessKey);
      if (ncpSignature(secretKey, stringToSign) !== signature) continue;
      const implied = { stringToSign };
      const difference = firstDifference(computed, implied);
      return {
        ...about(accessKey, signature),
        problem: "encoding",
        sentence: `The request target was signed as ${quoted(form)} but was sent as ${quoted(request.target)}: sign the path and query exactly as they are sent, percent-encoding and parameter order included.`,
        computed,
        implied,
        ...(difference ? { firstDifference: difference } : {}),
      } satisfies SignatureExplanation;
    }
    return {
      ...about(accessKey, signature),
      problem: "wrong-secret",
      sentence: `The string to sign is what the request's method, target, timestamp and access key imply, but the signature (${lastSix(signature)}) was made with another secret key than the one known for ${quoted(accessKey)}: sign with that access key's secret key.`,
      computed,
      implied: computed,
    } satisfies SignatureExplanation;
  },
};
