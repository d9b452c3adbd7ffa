import type { ReceivedRequest } from "../auth-common.js";
import { explainHuaweiSignature, explainHuaweiToken } from "./explain-huawei.js";
import { explainNcp } from "./explain-ncp.js";
import type { SignatureExplanation } from "./explanation.js";
import type { SigningKeys } from "./state-access.js";

// Which explanation a refused request gets, by the credentials it carries (the same precedence as the
// modules' authentication: NCP headers, an IAM token, a Huawei signature).

export function explainRefusal(
  request: ReceivedRequest,
  reason: string | undefined,
  keys: SigningKeys,
  now: number,
): SignatureExplanation | undefined {
  const { headers } = request;
  const ncp = Object.keys(headers).some((name) => name.startsWith("x-ncp-"));
  if (ncp) return explainNcp(request, keys.ncp, now);
  if (headers["x-auth-token"] !== undefined) return explainHuaweiToken(reason ?? "");
  if (headers.authorization !== undefined) {
    if (reason?.includes("X-Security-Token") || reason?.includes("X-Project-Id")) {
      return {
        scheme: "SDK-HMAC-SHA256",
        problem: "security-token",
        sentence: `${reason.charAt(0).toUpperCase()}${reason.slice(1)}: temporary credentials send their security token in a signed X-Security-Token header, permanent ones send none, and X-Project-Id must equal the path's project.`,
      };
    }
    return explainHuaweiSignature(request, keys.huawei, now);
  }
  if (reason === "no credentials") return explainHuaweiToken(reason);
  return undefined;
}

const TOKEN_TAIL = 4;

/** Which credential a request names, never a secret: an access key, or a token as `****` and its last 4 characters. */
export function credentialOf(headers: Record<string, string | undefined>): string | undefined {
  const ncp = headers["x-ncp-iam-access-key"];
  if (ncp !== undefined) return ncp.slice(0, 128);
  const token = headers["x-auth-token"];
  if (token !== undefined) return `token ****${token.length > 16 ? token.slice(-TOKEN_TAIL) : ""}`;
  const access = /Access=([^,\s]{1,128})/.exec(headers.authorization ?? "")?.[1];
  return access;
}
