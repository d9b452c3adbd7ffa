import {
  type AuthContext,
  type AuthOutcome,
  type AuthRefusal,
  maskHeaders,
  type Principal,
  type ReceivedRequest,
  sameText,
} from "../../auth-common.js";
import { issuedCredential } from "../huawei-keyless/state.js";
import { explainHuawei, type SignedBy } from "./explain.js";
import {
  type CanonicalInput,
  huaweiCanonical,
  huaweiSignature,
  parseHuaweiAuthorization,
  parseSdkDate,
} from "./signature.js";
import type { HuaweiState } from "./state.js";

// Huawei's API gateway in front of FunctionGraph: an IAM token (X-Auth-Token, issued by the IAM module into
// `huawei.tokens`) or an SDK-HMAC-SHA256 signature. Refusals are APIGW.0301 (401) and APIGW.0302 (403).

export const HUAWEI_WINDOW_MS = 15 * 60_000;

function refusal(
  reason: string,
  details: string,
  explain: NonNullable<AuthRefusal["explain"]>,
  debug?: AuthRefusal["debug"],
  forbidden = false,
): AuthOutcome {
  return {
    ok: false,
    reason,
    explain,
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
  { state, now, projectId }: AuthContext<HuaweiState>,
): AuthOutcome {
  const value = request.headers["x-auth-token"] ?? "";
  const token = state.huawei.tokens.find((t) => sameText(t.token, value));
  const tokenRefusal = (reason: string, details: string, forbidden = false) =>
    refusal(reason, details, () => explainHuawei.token(reason), undefined, forbidden);
  if (!token) return tokenRefusal("unknown token", "decrypt token fail");
  if (now >= Date.parse(token.expiresAt)) {
    return tokenRefusal(`token expired at ${token.expiresAt}`, "the token must be updated (it has expired)");
  }
  if (token.projectId && projectId !== undefined && token.projectId !== projectId) {
    const details = "the token is scoped to another project than the one in the path";
    return tokenRefusal("token scoped to another project", details, true);
  }
  return { ok: true, principal: { kind: "token", deny: [] } };
}

function temporaryCredentialRefusal(
  request: ReceivedRequest,
  by: SignedBy,
  signed: string[],
  expected?: string,
): AuthOutcome | undefined {
  const securityToken = request.headers["x-security-token"];
  const tokenRefusal = (reason: string, details: string) =>
    refusal(reason, details, () => explainHuawei.securityToken(by, reason));
  if (expected !== undefined) {
    if (securityToken === undefined || !signed.includes("x-security-token")) {
      return tokenRefusal(
        "temporary credentials without a signed X-Security-Token",
        "verify aksk signature fail: temporary credentials need a signed X-Security-Token",
      );
    }
    if (!sameText(securityToken, expected))
      return tokenRefusal(
        "wrong X-Security-Token",
        "verify aksk signature fail: the security token is invalid",
      );
  } else if (securityToken !== undefined) {
    return tokenRefusal(
      "X-Security-Token sent with permanent credentials",
      "verify aksk signature fail: the access key has no security token",
    );
  }
  return undefined;
}

export function authenticateAkSk(
  request: ReceivedRequest,
  { state, now, projectId }: AuthContext<HuaweiState>,
): AuthOutcome {
  const parsed = parseHuaweiAuthorization(request.headers.authorization ?? "");
  if (!parsed) {
    return refusal(
      "malformed Authorization header",
      "verify aksk signature fail: Authorization must be SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...",
      explainHuawei.malformedAuthorization,
    );
  }
  const by: SignedBy = { accessKey: parsed.accessKey, signature: parsed.signature };
  const sdkDate = request.headers["x-sdk-date"] ?? "";
  const signedAt = parseSdkDate(sdkDate);
  if (signedAt === undefined) {
    return refusal(
      "missing or malformed X-Sdk-Date",
      "verify aksk signature fail: X-Sdk-Date must be YYYYMMDDTHHMMSSZ",
      () => explainHuawei.malformedDate(by, sdkDate),
    );
  }
  if (Math.abs(now - signedAt) > HUAWEI_WINDOW_MS) {
    const skewSeconds = Math.round((signedAt - now) / 1000);
    return refusal(
      `X-Sdk-Date is ${skewSeconds} s away from the server's clock (limit 15 minutes)`,
      "verify aksk signature fail: X-Sdk-Date is more than 15 minutes away from the server's time",
      () => explainHuawei.clockSkew(by, skewSeconds, HUAWEI_WINDOW_MS, sdkDate),
    );
  }
  for (const required of ["host", "x-sdk-date"]) {
    if (!parsed.signedHeaders.includes(required)) {
      return refusal(
        `${required} is not signed`,
        `verify aksk signature fail: SignedHeaders must include ${required}`,
        () => explainHuawei.unsignedHeader(by, required, parsed.signedHeaders),
      );
    }
  }
  const absent = parsed.signedHeaders.find((name) => request.headers[name] === undefined);
  if (absent) {
    return refusal(
      `signed header ${absent} is absent`,
      `verify aksk signature fail: the signed header ${absent} was not sent`,
      () => explainHuawei.absentHeader(by, absent),
    );
  }
  const issued = issuedCredential(state, parsed.accessKey, now);
  if (issued === "expired") {
    return refusal(
      "temporary access key expired",
      "verify aksk signature fail: the security token has expired",
      () => explainHuawei.expiredKey(by),
    );
  }
  const credential = state.huawei.credentials.find((c) => c.accessKey === parsed.accessKey) ?? issued;
  if (!credential) {
    return refusal("unknown access key", "verify aksk signature fail: the access key does not exist", () =>
      explainHuawei.unknownKey(by),
    );
  }
  const temporary = temporaryCredentialRefusal(request, by, parsed.signedHeaders, credential.securityToken);
  if (temporary) return temporary;
  const input: CanonicalInput = {
    method: request.method,
    rawPath: request.rawPath,
    rawQuery: request.rawQuery,
    headers: request.headers,
    signedHeaders: parsed.signedHeaders,
    body: request.body,
  };
  const canonical = huaweiCanonical(input, sdkDate);
  if (
    !sameText(huaweiSignature(credential.secretKey, canonical.stringToSign), parsed.signature.toLowerCase())
  ) {
    const { secretKey } = credential;
    return refusal(
      "signature mismatch",
      "verify aksk signature fail",
      () => explainHuawei.mismatch(by, input, sdkDate, secretKey),
      {
        scheme: "SDK-HMAC-SHA256",
        canonicalRequest: maskHeaders(canonical.canonicalRequest),
        stringToSign: canonical.stringToSign,
      },
    );
  }
  const headerProject = request.headers["x-project-id"];
  if (headerProject !== undefined && projectId !== undefined && headerProject !== projectId) {
    const reason = "X-Project-Id differs from the path's project";
    return refusal(reason, "the X-Project-Id header does not match the project id of the path", () =>
      explainHuawei.securityToken(by, reason),
    );
  }
  return {
    ok: true,
    principal: {
      kind: "aksk",
      accessKey: parsed.accessKey,
      deny: (credential as { deny?: string[] }).deny ?? [],
    },
  };
}

/** A token when X-Auth-Token is sent, else a signature (the spec's two alternatives). */
export function authenticateHuawei(request: ReceivedRequest, context: AuthContext<HuaweiState>): AuthOutcome {
  if (request.headers["x-auth-token"] !== undefined) return authenticateToken(request, context);
  if (request.headers.authorization !== undefined) return authenticateAkSk(request, context);
  return refusal("no credentials", "x-auth-token not found", () => explainHuawei.token("no credentials"));
}

export function claimedHuawei(request: ReceivedRequest, state: HuaweiState): Principal {
  const akSk = parseHuaweiAuthorization(request.headers.authorization ?? "");
  const credential = state.huawei.credentials.find((c) => c.accessKey === akSk?.accessKey);
  return { kind: "none", deny: credential?.deny ?? [] };
}
