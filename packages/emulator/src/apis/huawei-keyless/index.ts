import { randomBytes } from "node:crypto";
import { defineModule, failure, type HandlerResult } from "../api-module.js";
import { authenticateHuawei, claimedHuawei } from "../fgs/auth.js";
import type { HuaweiState } from "../fgs/state.js";
import { iam } from "../iam/index.js";
import { GITHUB_ISSUER, verifyIdToken } from "../oidc-issuer/id-token.js";
import { type IssuedKey, type KeylessSection, keylessOf, newKey, parseKeyless, recordKey } from "./state.js";

// Huawei's keyless parties (specs/huawei-keyless.yaml), thin handlers over state.ts: the ECS metadata, CCE
// Pod Identity, IAM v3.0 federation and security tokens, STS v5 assume-with-oidc. Each issues keys that live
// the seed's `huawei.keyless.lifetimeSeconds`; FunctionGraph's gateway accepts them until then (fgs/auth.ts).
// Errors in IAM's shapes (iam/index.ts).

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const json = (body: Uint8Array): Record<string, unknown> | undefined => {
  try {
    const value = JSON.parse(Buffer.from(body).toString("utf8"));
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
};
const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, k) => (isObject(v) ? v[k] : undefined), value);

const iamCredential = (key: IssuedKey, now: number, status = 201): HandlerResult => ({
  status,
  change: recordKey(key, now),
  body: {
    credential: {
      access: key.accessKey,
      secret: key.secretKey,
      securitytoken: key.securityToken,
      expires_at: key.expiresAt,
    },
  },
});

const issue = (c: { state: object; now: number }, source: string) => {
  const key = newKey(keylessOf(c.state), c.now, source);
  return { key, change: recordKey(key, c.now) };
};

export const huaweiKeyless = defineModule<"huawei", KeylessSection, HuaweiState>({
  api: "huawei-keyless",
  section: "huawei",
  fields: { keyless: parseKeyless },
  // Only createTemporaryAccessKey, createPodIdentityCredentials and createTokenWithIdToken are secured: an
  // IAM token or a signature; the pod's token; the identity provider named (its id is the principal's kind).
  authenticate(request, context) {
    const seed = keylessOf(context.state);
    if (request.headers["x-idp-id"] !== undefined) {
      const idp = seed.identityProviders.find((p) => p.id === request.headers["x-idp-id"]);
      return idp
        ? { ok: true, principal: { kind: `idp:${idp.id}`, deny: [] } }
        : {
            ok: false,
            reason: "unknown identity provider",
            failure: { status: 400, code: "IAM.0001", message: "The identity provider does not exist." },
          };
    }
    if (request.rawPath.endsWith("/pod-identity/credentials")) {
      const ok = seed.podIdentity !== undefined && request.headers.authorization === seed.podIdentity.token;
      return ok
        ? { ok: true, principal: { kind: "pod", deny: [] } }
        : {
            ok: false,
            reason: "wrong pod token",
            failure: {
              status: 401,
              code: "401",
              message: "Unauthorized",
              details: "the pod's token is not valid",
            },
          };
    }
    return authenticateHuawei(request, context);
  },
  claimed: (request, state) =>
    request.headers["x-idp-id"] !== undefined
      ? { kind: `idp:${request.headers["x-idp-id"]}`, deny: [] }
      : claimedHuawei(request, state),
  handlers: {
    createMetadataSessionToken: () => ({
      status: 200,
      headers: { "Content-Type": "text/plain" },
      body: randomBytes(24).toString("base64url"),
    }),
    getMetadataSecurityKey(c) {
      if (!keylessOf(c.state).metadata) {
        return failure(404, "404", "Not Found", "no agency is bound to this server");
      }
      return iamCredential(newKey(keylessOf(c.state), c.now, "metadata"), c.now, 200);
    },
    createPodIdentityCredentials(c) {
      const { key, change } = issue(c, "pod-identity");
      return {
        status: 200,
        change,
        body: {
          credentials: {
            accessKeyId: key.accessKey,
            secretAccessKey: key.secretKey,
            securityToken: key.securityToken,
            expiration: key.expiresAt,
          },
          podIdentityAssociationId: "pia-emulator",
        },
      };
    },
    createTokenWithIdToken(c) {
      const idpId = c.principal.kind.startsWith("idp:") ? c.principal.kind.slice(4) : undefined;
      const idp = keylessOf(c.state).identityProviders.find((p) => p.id === idpId);
      if (!idp) return failure(400, "IAM.0001", "Bad Request", "X-Idp-Id names no identity provider");
      const claims = verifyIdToken(at(json(c.body), "auth", "id_token", "id"), c.now);
      if ("problem" in claims) return failure(401, "IAM.0002", "Unauthorized", claims.problem);
      if (claims.iss !== GITHUB_ISSUER || claims.aud !== idp.audience) {
        return failure(401, "IAM.0002", "Unauthorized", "the id token's issuer or audience is not trusted");
      }
      const token = `MIIfed${randomBytes(64).toString("base64url")}`;
      const expiresAt = new Date(c.now + 24 * 3_600_000).toISOString();
      return {
        status: 201,
        headers: { "X-Subject-Token": token },
        change: (state) => {
          (state as { huawei: { tokens: { token: string; expiresAt: string }[] } }).huawei.tokens.push({
            token,
            expiresAt,
          });
        },
        body: { token: { expires_at: expiresAt, methods: ["mapped"], user: { name: claims.sub } } },
      };
    },
    createTemporaryAccessKey(c) {
      const identity = at(json(c.body), "auth", "identity");
      const methods = at(identity, "methods");
      const seed = keylessOf(c.state);
      if (Array.isArray(methods) && methods.includes("assume_role")) {
        const role = at(identity, "assume_role");
        const domain = at(role, "domain_name") ?? at(role, "domain_id");
        const agency = seed.agencies.find((a) => a.domain === domain && a.name === at(role, "agency_name"));
        if (!agency) return failure(403, "IAM.0003", "Forbidden", "no such agency, or it may not be assumed");
        return iamCredential(newKey(seed, c.now, "assume-role"), c.now);
      }
      if (Array.isArray(methods) && methods.includes("token")) {
        if (c.principal.kind !== "token")
          return failure(401, "IAM.0002", "Unauthorized", "methods token needs X-Auth-Token");
        return iamCredential(newKey(seed, c.now, "iam-token"), c.now);
      }
      return failure(400, "IAM.0001", "Bad Request", "auth.identity.methods must be token or assume_role");
    },
    assumeAgencyWithOidc(c) {
      const body = json(c.body);
      const seed = keylessOf(c.state);
      const provider = seed.oidcProviders.find((p) => p.urn === body?.provider_urn);
      if (!provider) return failure(400, "STS.0001", "Bad Request", "no such identity provider");
      const claims = verifyIdToken(body?.id_token, c.now);
      if ("problem" in claims) return failure(403, "STS.0002", "Forbidden", claims.problem);
      if (claims.aud !== provider.audience || !provider.agencyUrns.includes(String(body?.agency_urn))) {
        return failure(403, "STS.0002", "Forbidden", "the id token is not trusted by the agency");
      }
      const { key, change } = issue(c, "sts-oidc");
      return {
        status: 200,
        change,
        body: {
          credentials: {
            access_key_id: key.accessKey,
            secret_access_key: key.secretKey,
            security_token: key.securityToken,
            expiration: key.expiresAt,
          },
        },
      };
    },
  },
  errorBody: iam.errorBody,
  badParameter: iam.badParameter,
  notFound: iam.notFound,
  forbidden: iam.forbidden,
  payloadTooLarge: iam.payloadTooLarge,
  internalError: iam.internalError,
  faultCode: iam.faultCode,
});
