import { createHash } from "node:crypto";
import { maskHeaders } from "../../auth-common.js";
import {
  firstDifference,
  inWords,
  lastSix,
  quoted,
  type SignatureExplanation,
  type SignedText,
} from "../../explanation.js";
import {
  type CanonicalInput,
  canonicalQueryString,
  canonicalUri,
  huaweiCanonical,
  huaweiSignature,
  rfc3986,
} from "./signature.js";

// Why a Huawei SDK-HMAC-SHA256 signature (or IAM token) was refused, in words, for the inspector and the
// request log. The authentication (auth.ts) decides what is wrong, once; these build the sentence it is told
// in. For a signature that does not match, the emulator re-signs the request with the key the authentication
// found, in the ways signers commonly get wrong (the path or query not encoded as the spec says, the body
// hashed differently); the variant whose signature equals the one sent is what the signer built. When none
// does, the canonical request is what the request implies and the secret key is what differs.

const SCHEME = "SDK-HMAC-SHA256";

interface Variant {
  problem: "encoding" | "body-hash";
  sentence: (computed: string, implied: string) => string;
  build(input: CanonicalInput): { canonicalRequest: string } | undefined;
}

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

/** A canonical request with one line replaced (0 method, 1 URI, 2 query, … last the body hash). */
function withLine(input: CanonicalInput, index: number, value: string): { canonicalRequest: string } {
  const canonical = huaweiCanonical(input, "").canonicalRequest.split("\n");
  canonical[index === -1 ? canonical.length - 1 : index] = value;
  return { canonicalRequest: canonical.join("\n") };
}

const pathSentence = (computed: string, implied: string) =>
  `The path was signed as ${quoted(implied)} but the canonical URI is ${quoted(computed)}: percent-encode each path segment per RFC 3986 (only A-Z a-z 0-9 - _ . ~ stay as they are) and end the canonical URI with "/".`;
const querySentence = (computed: string, implied: string) =>
  `The query was signed as ${quoted(implied)} but the canonical query string is ${quoted(computed)}: percent-encode names and values per RFC 3986 and sort the parameters by name.`;

const VARIANTS: Variant[] = [
  // the path as sent, not re-encoded (a signer that skips RFC 3986 encoding of `:`, `@`, spaces, …)
  ...[(p: string) => p, (p: string) => (p.endsWith("/") ? p : `${p}/`)].map(
    (form): Variant => ({
      problem: "encoding",
      sentence: pathSentence,
      build: (input) => withLine(input, 1, form(input.rawPath)),
    }),
  ),
  {
    problem: "encoding",
    sentence: pathSentence,
    build: (input) => {
      const uri = canonicalUri(input.rawPath);
      return withLine(input, 1, uri.length > 1 ? uri.slice(0, -1) : uri);
    },
  },
  {
    problem: "encoding",
    sentence: pathSentence,
    build: (input) => withLine(input, 1, canonicalUri(input.rawPath).split("/").map(rfc3986).join("/")),
  },
  {
    problem: "encoding",
    sentence: querySentence,
    build: (input) => (input.rawQuery === "" ? undefined : withLine(input, 2, input.rawQuery)),
  },
  {
    problem: "encoding",
    sentence: querySentence,
    build: (input) =>
      input.rawQuery === ""
        ? undefined
        : withLine(input, 2, canonicalQueryString(input.rawQuery).replaceAll("%20", "+")),
  },
  ...["", "UNSIGNED-PAYLOAD"].map(
    (hashed): Variant => ({
      problem: "body-hash",
      sentence: (computed, implied) =>
        `The body was hashed as ${quoted(implied)} but the ${computed === sha256("") ? "empty " : ""}body received hashes to ${quoted(computed)}: hash exactly the bytes sent (hex SHA-256), after any serialisation.`,
      build: (input) => withLine(input, -1, hashed === "" ? sha256("") : hashed),
    }),
  ),
];

/** What names the request's key pair in every AK/SK explanation. */
export interface SignedBy {
  accessKey: string;
  signature: string;
}

const about = (by: SignedBy) => ({
  scheme: SCHEME,
  accessKey: by.accessKey.slice(0, 128),
  signature: lastSix(by.signature),
});

export const explainHuawei = {
  malformedAuthorization: (): SignatureExplanation => ({
    scheme: SCHEME,
    problem: "malformed",
    sentence:
      "The Authorization header is not SDK-HMAC-SHA256 Access=<access key>, SignedHeaders=<a;b>, Signature=<hex>: send it in that form.",
  }),
  malformedDate: (by: SignedBy, sdkDate: string): SignatureExplanation => ({
    ...about(by),
    problem: "malformed",
    sentence: `X-Sdk-Date ${quoted(sdkDate)} is missing or not YYYYMMDDTHHMMSSZ (UTC): send the signing time in that form and sign it.`,
  }),
  clockSkew: (
    by: SignedBy,
    skewSeconds: number,
    windowMs: number,
    sdkDate: string,
  ): SignatureExplanation => ({
    ...about(by),
    problem: "clock-skew",
    skewSeconds,
    sentence: `The signer's clock is ${inWords(skewSeconds)} ${skewSeconds > 0 ? "ahead of" : "behind"} the emulator's (X-Sdk-Date ${sdkDate}); the limit is ${windowMs / 60_000} minutes: sync the clock (NTP) or sign with the current UTC time.`,
  }),
  unsignedHeader: (by: SignedBy, required: string, signedHeaders: string[]): SignatureExplanation => ({
    ...about(by),
    problem: "unsigned-header",
    sentence: `The ${required === "host" ? "Host" : "X-Sdk-Date"} header is not signed (SignedHeaders=${signedHeaders.join(";").slice(0, 200)}): add ${required} to SignedHeaders and its value to the canonical headers.`,
  }),
  absentHeader: (by: SignedBy, absent: string): SignatureExplanation => ({
    ...about(by),
    problem: "absent-signed-header",
    sentence: `SignedHeaders lists ${quoted(absent)} but the request does not carry it: send every header you sign, or drop it from SignedHeaders.`,
  }),
  expiredKey: (by: SignedBy): SignatureExplanation => ({
    ...about(by),
    problem: "expired-credential",
    sentence: `The temporary access key ${quoted(by.accessKey)} has expired: get new temporary credentials and sign with them.`,
  }),
  unknownKey: (by: SignedBy): SignatureExplanation => ({
    ...about(by),
    problem: "unknown-access-key",
    sentence: `The access key ${quoted(by.accessKey)} is not known to the emulator: sign with a seeded access key (huawei.credentials) or add this one to the seed.`,
  }),
  /** X-Security-Token or X-Project-Id as the gateway refused them (`reason` is the authentication's). */
  securityToken: (by: SignedBy, reason: string): SignatureExplanation => ({
    ...about(by),
    problem: "security-token",
    sentence: `${reason.charAt(0).toUpperCase()}${reason.slice(1)}: temporary credentials send their security token in a signed X-Security-Token header, permanent ones send none, and X-Project-Id must equal the path's project.`,
  }),
  /** The signature does not match: which common mistake the signer made, or else the secret differs. */
  mismatch(by: SignedBy, input: CanonicalInput, sdkDate: string, secretKey: string): SignatureExplanation {
    const mine = huaweiCanonical(input, sdkDate);
    const computed: SignedText = {
      canonicalRequest: maskHeaders(mine.canonicalRequest),
      stringToSign: mine.stringToSign,
    };
    const sent = by.signature.toLowerCase();
    for (const variant of VARIANTS) {
      const built = variant.build(input);
      if (!built || built.canonicalRequest === mine.canonicalRequest) continue;
      const stringToSign = `${SCHEME}\n${sdkDate}\n${sha256(built.canonicalRequest)}`;
      if (huaweiSignature(secretKey, stringToSign) !== sent) continue;
      const implied = { canonicalRequest: maskHeaders(built.canonicalRequest), stringToSign };
      const difference = firstDifference(computed, implied);
      const line = (difference?.line ?? 1) - 1;
      const ours = mine.canonicalRequest.split("\n")[line] ?? "";
      const theirs = built.canonicalRequest.split("\n")[line] ?? "";
      return {
        ...about(by),
        problem: variant.problem,
        sentence: variant.sentence(ours, theirs),
        computed,
        implied,
        ...(difference ? { firstDifference: difference } : {}),
      };
    }
    return {
      ...about(by),
      problem: "wrong-secret",
      sentence: `The canonical request is what the request's method, path, query, signed headers and body imply, but the signature (${lastSix(by.signature)}) was made with another secret key than the one seeded for ${quoted(by.accessKey)}: sign with that access key's secret key.`,
      computed,
      implied: computed,
    };
  },
  token: (reason: string): SignatureExplanation => {
    const sentence = reason.startsWith("token expired")
      ? `The IAM token ${reason.slice("token ".length)}: get a new one (POST /v3/auth/tokens).`
      : reason === "token scoped to another project"
        ? "The IAM token is scoped to another project than the one in the path: get a token scoped to this project."
        : reason === "no credentials"
          ? "The request carries neither X-Auth-Token nor an SDK-HMAC-SHA256 Authorization header: send one of them."
          : "The X-Auth-Token is not a token the emulator issued or was seeded with: get one from POST /v3/auth/tokens.";
    return { scheme: "IAM token", problem: "token", sentence };
  },
};
