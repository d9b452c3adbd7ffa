import { timingSafeEqual } from "node:crypto";
import type { ApiFailure } from "./error-body.js";
import {
  huaweiCanonical,
  huaweiSignature,
  parseHuaweiAuthorization,
  parseSdkDate,
} from "./huawei-signature.js";
import { ncpSignature, ncpStringToSign } from "./ncp-signature.js";
import type { EmulatorState } from "./seed.js";
import type { AuthKind, ErrorShape } from "./spec-catalog.js";

// Authentication as the two API gateways do it, before the service sees the request. The failures carry the
// gateways' documented bodies (NCP: 401 errorCode 200; Huawei: APIGW.0301 / APIGW.0302), a reason for the
// request log, and for a refused signature the canonical request and string to sign the emulator computed
// (secret header values masked), which is what someone debugging a signer needs to compare with theirs.

export const NCP_WINDOW_MS = 5 * 60_000;
export const HUAWEI_WINDOW_MS = 15 * 60_000;

export interface ReceivedRequest {
  method: string;
  /** The request target exactly as received: path and query. */
  target: string;
  rawPath: string;
  rawQuery: string;
  /** Header values by lower-case name (repeated headers joined with `, `). */
  headers: Record<string, string | undefined>;
  body: Uint8Array;
}

export interface Principal {
  kind: AuthKind | "none";
  accessKey?: string;
  /** OperationIds this principal may not call. */
  deny: string[];
}

export interface AuthRefusal {
  failure: ApiFailure;
  shape: ErrorShape;
  /** One line for the request log; never a secret. */
  reason: string;
  /** What the emulator computed, for the log: never a secret (token values are masked). */
  debug?: { scheme: string; canonicalRequest?: string; stringToSign: string };
}

export type AuthOutcome = { ok: true; principal: Principal } | ({ ok: false } & AuthRefusal);

export interface AuthContext {
  state: EmulatorState;
  now: number;
  /** The `project_id` path parameter of the operation, when it has one. */
  projectId?: string | undefined;
}

const ANONYMOUS: Principal = { kind: "none", deny: [] };

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const MASKED_HEADERS = new Set(["x-security-token", "x-auth-token", "authorization"]);

function maskHeaders(canonicalRequest: string): string {
  return canonicalRequest
    .split("\n")
    .map((line) => {
      const colon = line.indexOf(":");
      return colon > 0 && MASKED_HEADERS.has(line.slice(0, colon)) ? `${line.slice(0, colon)}:****` : line;
    })
    .join("\n");
}

// --- NCP API Gateway signature v2 ---

function ncpRefusal(reason: string, details: string, debug?: AuthRefusal["debug"]): AuthOutcome {
  return {
    ok: false,
    shape: "ncp",
    reason,
    ...(debug ? { debug } : {}),
    failure: { status: 401, code: "200", message: "Authentication Failed", details, gateway: true },
  };
}

export function authenticateNcp(request: ReceivedRequest, { state, now }: AuthContext): AuthOutcome {
  const timestamp = request.headers["x-ncp-apigw-timestamp"];
  const accessKey = request.headers["x-ncp-iam-access-key"];
  const signature = request.headers["x-ncp-apigw-signature-v2"];
  if (!timestamp || !accessKey || !signature) {
    const missing = [
      !timestamp && "x-ncp-apigw-timestamp",
      !accessKey && "x-ncp-iam-access-key",
      !signature && "x-ncp-apigw-signature-v2",
    ].filter(Boolean);
    return ncpRefusal(`missing ${missing.join(", ")}`, "Authentication information are missing.");
  }
  if (!/^\d{1,16}$/.test(timestamp)) {
    return ncpRefusal(
      "x-ncp-apigw-timestamp is not milliseconds since the epoch",
      "Invalid authentication information: x-ncp-apigw-timestamp must be milliseconds since the Unix epoch.",
    );
  }
  if (Math.abs(now - Number(timestamp)) >= NCP_WINDOW_MS) {
    return ncpRefusal(
      `timestamp is ${Math.round((Number(timestamp) - now) / 1000)} s away from the server's clock (limit 5 minutes)`,
      "Invalid authentication information: the timestamp is 5 minutes or more away from the server's time.",
    );
  }
  const credential = state.ncp.credentials.find((c) => c.accessKey === accessKey);
  if (!credential) {
    return ncpRefusal("unknown access key", "Invalid authentication information.");
  }
  const stringToSign = ncpStringToSign(request.method, request.target, timestamp, accessKey);
  if (!sameText(ncpSignature(credential.secretKey, stringToSign), signature)) {
    return ncpRefusal("signature mismatch", "Invalid authentication information.", {
      scheme: "NCP signature v2",
      stringToSign,
    });
  }
  return { ok: true, principal: { kind: "ncp", accessKey, deny: credential.deny ?? [] } };
}

// --- Huawei: IAM token or SDK-HMAC-SHA256 ---

function apigwRefusal(
  reason: string,
  details: string,
  debug?: AuthRefusal["debug"],
  forbidden = false,
): AuthOutcome {
  return {
    ok: false,
    shape: "huawei",
    reason,
    ...(debug ? { debug } : {}),
    failure: forbidden
      ? {
          status: 403,
          code: "APIGW.0302",
          message: "The IAM user is not authorized to access the API",
          details,
          gateway: true,
        }
      : {
          status: 401,
          code: "APIGW.0301",
          message: "Incorrect IAM authentication information",
          details,
          gateway: true,
        },
  };
}

export function authenticateToken(
  request: ReceivedRequest,
  { state, now, projectId }: AuthContext,
): AuthOutcome {
  const value = request.headers["x-auth-token"] ?? "";
  const token = state.huawei.tokens.find((t) => sameText(t.token, value));
  if (!token) return apigwRefusal("unknown token", "decrypt token fail");
  if (now >= Date.parse(token.expiresAt)) {
    return apigwRefusal(`token expired at ${token.expiresAt}`, "the token must be updated (it has expired)");
  }
  if (token.projectId && projectId !== undefined && token.projectId !== projectId) {
    return apigwRefusal(
      "token scoped to another project",
      "the token is scoped to another project than the one in the path",
      undefined,
      true,
    );
  }
  return { ok: true, principal: { kind: "token", deny: [] } };
}

export function authenticateAkSk(
  request: ReceivedRequest,
  { state, now, projectId }: AuthContext,
): AuthOutcome {
  const parsed = parseHuaweiAuthorization(request.headers.authorization ?? "");
  if (!parsed) {
    return apigwRefusal(
      "malformed Authorization header",
      "verify aksk signature fail: Authorization must be SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...",
    );
  }
  const sdkDate = request.headers["x-sdk-date"] ?? "";
  const signedAt = parseSdkDate(sdkDate);
  if (signedAt === undefined) {
    return apigwRefusal(
      "missing or malformed X-Sdk-Date",
      "verify aksk signature fail: X-Sdk-Date must be YYYYMMDDTHHMMSSZ",
    );
  }
  if (Math.abs(now - signedAt) > HUAWEI_WINDOW_MS) {
    return apigwRefusal(
      `X-Sdk-Date is ${Math.round((signedAt - now) / 1000)} s away from the server's clock (limit 15 minutes)`,
      "verify aksk signature fail: X-Sdk-Date is more than 15 minutes away from the server's time",
    );
  }
  for (const required of ["host", "x-sdk-date"]) {
    if (!parsed.signedHeaders.includes(required)) {
      return apigwRefusal(
        `${required} is not signed`,
        `verify aksk signature fail: SignedHeaders must include ${required}`,
      );
    }
  }
  const absent = parsed.signedHeaders.find((name) => request.headers[name] === undefined);
  if (absent) {
    return apigwRefusal(
      `signed header ${absent} is absent`,
      `verify aksk signature fail: the signed header ${absent} was not sent`,
    );
  }
  const credential = state.huawei.credentials.find((c) => c.accessKey === parsed.accessKey);
  if (!credential)
    return apigwRefusal("unknown access key", "verify aksk signature fail: the access key does not exist");
  const securityToken = request.headers["x-security-token"];
  if (credential.securityToken !== undefined) {
    if (securityToken === undefined || !parsed.signedHeaders.includes("x-security-token")) {
      return apigwRefusal(
        "temporary credentials without a signed X-Security-Token",
        "verify aksk signature fail: temporary credentials need a signed X-Security-Token",
      );
    }
    if (!sameText(securityToken, credential.securityToken)) {
      return apigwRefusal(
        "wrong X-Security-Token",
        "verify aksk signature fail: the security token is invalid",
      );
    }
  } else if (securityToken !== undefined) {
    return apigwRefusal(
      "X-Security-Token sent with permanent credentials",
      "verify aksk signature fail: the access key has no security token",
    );
  }
  const canonical = huaweiCanonical(
    {
      method: request.method,
      rawPath: request.rawPath,
      rawQuery: request.rawQuery,
      headers: request.headers,
      signedHeaders: parsed.signedHeaders,
      body: request.body,
    },
    sdkDate,
  );
  if (
    !sameText(huaweiSignature(credential.secretKey, canonical.stringToSign), parsed.signature.toLowerCase())
  ) {
    return apigwRefusal("signature mismatch", "verify aksk signature fail", {
      scheme: "SDK-HMAC-SHA256",
      canonicalRequest: maskHeaders(canonical.canonicalRequest),
      stringToSign: canonical.stringToSign,
    });
  }
  const headerProject = request.headers["x-project-id"];
  if (headerProject !== undefined && projectId !== undefined && headerProject !== projectId) {
    return apigwRefusal(
      "X-Project-Id differs from the path's project",
      "the X-Project-Id header does not match the project id of the path",
    );
  }
  return { ok: true, principal: { kind: "aksk", accessKey: parsed.accessKey, deny: credential.deny ?? [] } };
}

/**
 * Authenticates a request for an operation whose security alternatives are `security` (`[]`: none needed).
 * With `verify: false` everything is accepted, and a known access key still brings its `deny` list.
 */
export function authenticate(
  request: ReceivedRequest,
  security: AuthKind[][],
  context: AuthContext,
  verify: boolean,
): AuthOutcome {
  const kinds = new Set(security.flat());
  if (security.length === 0 || security.some((alternative) => alternative.length === 0)) {
    return { ok: true, principal: ANONYMOUS };
  }
  if (!verify) {
    const ncpKey = request.headers["x-ncp-iam-access-key"];
    const akSk = parseHuaweiAuthorization(request.headers.authorization ?? "");
    const credential = kinds.has("ncp")
      ? context.state.ncp.credentials.find((c) => c.accessKey === ncpKey)
      : context.state.huawei.credentials.find((c) => c.accessKey === akSk?.accessKey);
    return { ok: true, principal: { kind: "none", deny: credential?.deny ?? [] } };
  }
  if (kinds.has("ncp")) return authenticateNcp(request, context);
  if (kinds.has("token") && request.headers["x-auth-token"] !== undefined)
    return authenticateToken(request, context);
  if (kinds.has("aksk") && request.headers.authorization !== undefined)
    return authenticateAkSk(request, context);
  return apigwRefusal(
    "no credentials",
    kinds.has("token") ? "x-auth-token not found" : "the Authorization header is missing",
  );
}
