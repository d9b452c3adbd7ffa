import { createHash, createHmac } from "node:crypto";

// Signers written for the inspector tests from specs/auth.md, sharing no code with @fnapi/auth or the
// emulator, and letting a test make the mistakes real signers make (what is signed is spelled out).

const sha256 = (data: string) => createHash("sha256").update(data).digest("hex");

/** NCP API Gateway signature v2 headers for `target` (path and query as signed). */
export function ncpHeaders(o: {
  method: string;
  target: string;
  accessKey: string;
  secretKey: string;
  time: number;
}) {
  const timestamp = String(o.time);
  const signature = createHmac("sha256", o.secretKey)
    .update(`${o.method} ${o.target}\n${timestamp}\n${o.accessKey}`)
    .digest("base64");
  return {
    "x-ncp-apigw-timestamp": timestamp,
    "x-ncp-iam-access-key": o.accessKey,
    "x-ncp-apigw-signature-v2": signature,
  };
}

/** `YYYYMMDDTHHMMSSZ`. */
export const sdkDate = (time: number) =>
  new Date(time)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/** SDK-HMAC-SHA256 over an empty body: `signed` are the headers signed (lower-case names), `canonicalUri` as the signer built it. */
export function huaweiAuthorization(o: {
  method: string;
  canonicalUri: string;
  signed: Record<string, string>;
  accessKey: string;
  secretKey: string;
  time: number;
}): { authorization: string; signature: string } {
  const names = Object.keys(o.signed).sort();
  const canonical = [
    o.method,
    o.canonicalUri,
    "",
    names.map((n) => `${n}:${o.signed[n]}\n`).join(""),
    names.join(";"),
    sha256(""),
  ].join("\n");
  const stringToSign = `SDK-HMAC-SHA256\n${sdkDate(o.time)}\n${sha256(canonical)}`;
  const signature = createHmac("sha256", o.secretKey).update(stringToSign).digest("hex");
  return {
    signature,
    authorization: `SDK-HMAC-SHA256 Access=${o.accessKey}, SignedHeaders=${names.join(";")}, Signature=${signature}`,
  };
}
