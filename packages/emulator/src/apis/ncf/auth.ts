import type { AuthContext, AuthOutcome, AuthRefusal, Principal, ReceivedRequest } from "../../auth-common.js";
import { sameText } from "../../auth-common.js";
import { serverRoleCredential } from "../ncp-server-role/state.js";
import { explainNcp } from "./explain.js";
import { ncpSignature, ncpStringToSign } from "./signature.js";
import type { NcpState } from "./state.js";

// NCP API Gateway signature v2, as the gateway checks it before the service sees the request: a refusal is
// its documented 401 (errorCode 200).

export const NCP_WINDOW_MS = 5 * 60_000;

function refusal(
  reason: string,
  details: string,
  explain: NonNullable<AuthRefusal["explain"]>,
  debug?: AuthRefusal["debug"],
): AuthOutcome {
  return {
    ok: false,
    reason,
    explain,
    ...(debug ? { debug } : {}),
    failure: { status: 401, code: "200", message: "Authentication Failed", details, gateway: true },
  };
}

export function authenticateNcp(
  request: ReceivedRequest,
  { state, now }: AuthContext<NcpState>,
): AuthOutcome {
  const timestamp = request.headers["x-ncp-apigw-timestamp"];
  const accessKey = request.headers["x-ncp-iam-access-key"];
  const signature = request.headers["x-ncp-apigw-signature-v2"];
  if (!timestamp || !accessKey || !signature) {
    const missing = [
      !timestamp && "x-ncp-apigw-timestamp",
      !accessKey && "x-ncp-iam-access-key",
      !signature && "x-ncp-apigw-signature-v2",
    ].filter(Boolean);
    return refusal(`missing ${missing.join(", ")}`, "Authentication information are missing.", () =>
      explainNcp.missing(missing as string[]),
    );
  }
  if (!/^\d{1,16}$/.test(timestamp)) {
    return refusal(
      "x-ncp-apigw-timestamp is not milliseconds since the epoch",
      "Invalid authentication information: x-ncp-apigw-timestamp must be milliseconds since the Unix epoch.",
      () => explainNcp.malformedTimestamp(timestamp, accessKey, signature),
    );
  }
  if (Math.abs(now - Number(timestamp)) >= NCP_WINDOW_MS) {
    const skewSeconds = Math.round((Number(timestamp) - now) / 1000);
    return refusal(
      `timestamp is ${skewSeconds} s away from the server's clock (limit 5 minutes)`,
      "Invalid authentication information: the timestamp is 5 minutes or more away from the server's time.",
      () => explainNcp.clockSkew(skewSeconds, NCP_WINDOW_MS, timestamp, accessKey, signature),
    );
  }
  const role = serverRoleCredential(state, accessKey, now);
  if (role === "expired") {
    return refusal("Server Role key expired", "Invalid authentication information.", () =>
      explainNcp.expiredKey(accessKey, signature),
    );
  }
  const credential = state.ncp.credentials.find((c) => c.accessKey === accessKey) ?? role;
  if (!credential) {
    return refusal("unknown access key", "Invalid authentication information.", () =>
      explainNcp.unknownKey(accessKey, signature),
    );
  }
  const stringToSign = ncpStringToSign(request.method, request.target, timestamp, accessKey);
  if (!sameText(ncpSignature(credential.secretKey, stringToSign), signature)) {
    const { secretKey } = credential;
    return refusal(
      "signature mismatch",
      "Invalid authentication information.",
      () => explainNcp.mismatch(request, timestamp, accessKey, secretKey, signature),
      { scheme: "NCP signature v2", stringToSign },
    );
  }
  return {
    ok: true,
    principal: { kind: "ncp", accessKey, deny: (credential as { deny?: string[] }).deny ?? [] },
  };
}

export function claimedNcp(request: ReceivedRequest, state: NcpState): Principal {
  const key = request.headers["x-ncp-iam-access-key"];
  const credential = state.ncp.credentials.find((c) => c.accessKey === key);
  return { kind: "none", deny: credential?.deny ?? [] };
}
