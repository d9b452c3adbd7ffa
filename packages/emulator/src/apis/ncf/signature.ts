import { createHmac } from "node:crypto";

// NCP API Gateway signature v2, computed independently of @fnapi/auth (the emulator is the check of it):
// Base64(HMAC-SHA256(secretKey, METHOD + " " + requestTarget + "\n" + timestamp + "\n" + accessKey)), where
// requestTarget is the path and query exactly as received.

export function ncpStringToSign(
  method: string,
  requestTarget: string,
  timestamp: string,
  accessKey: string,
): string {
  return `${method} ${requestTarget}\n${timestamp}\n${accessKey}`;
}

export function ncpSignature(secretKey: string, stringToSign: string): string {
  return createHmac("sha256", secretKey).update(stringToSign, "utf8").digest("base64");
}
