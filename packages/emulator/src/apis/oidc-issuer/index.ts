import { object, onlyKeys, optionalString, string } from "../../seed-fields.js";
import { defineModule, failure } from "../api-module.js";
import { GITHUB_ISSUER, mintIdToken } from "./id-token.js";

// A stand-in for GitHub Actions' id-token endpoint (specs/oidc-issuer.yaml): GET /oidc-issuer/token with the
// job's request token as a Bearer token → `{ value: <JWT> }`. The seed's `oidc.issuer` gives the request
// token and the subject; IAM and STS (huawei-keyless) trust its tokens through their seeded providers.

export interface OidcIssuerSeed {
  /** `ACTIONS_ID_TOKEN_REQUEST_TOKEN`. */
  requestToken: string;
  /** The `sub` claim, e.g. `repo:acme/app:ref:refs/heads/main`. */
  subject: string;
  lifetimeSeconds: number;
}

export const issuerOf = (state: object) => (state as { oidc?: { issuer?: OidcIssuerSeed } }).oidc?.issuer;

const fail = (status: number, message: string) => ({ status, code: String(status), message });

export const oidcIssuer = defineModule<"oidc", { issuer: OidcIssuerSeed | undefined }>({
  api: "oidc-issuer",
  section: "oidc",
  fields: {
    issuer(raw: unknown, path: string): OidcIssuerSeed | undefined {
      if (raw === undefined) return undefined;
      const o = object(raw, path);
      onlyKeys(o, path, ["requestToken", "subject", "lifetimeSeconds"]);
      const lifetime = o.lifetimeSeconds === undefined ? 600 : Number(o.lifetimeSeconds);
      return {
        requestToken: string(o.requestToken, `${path}.requestToken`),
        subject: optionalString(o.subject, `${path}.subject`) ?? "repo:fnapi/example:ref:refs/heads/main",
        lifetimeSeconds: Number.isInteger(lifetime) && lifetime > 0 ? lifetime : 600,
      };
    },
  },
  authenticate(request, { state }) {
    const issuer = issuerOf(state);
    const sent = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    if (!issuer || sent !== issuer.requestToken) {
      return { ok: false, reason: "wrong request token", failure: fail(401, "Unauthorized") };
    }
    return { ok: true, principal: { kind: "oidc-request-token", deny: [] } };
  },
  claimed: () => ({ kind: "none", deny: [] }),
  handlers: {
    createIdToken({ state, query, now }) {
      const issuer = issuerOf(state);
      if (!issuer) return failure(401, "401", "Unauthorized", "the seed sets no oidc.issuer");
      const iat = Math.floor(now / 1000);
      const value = mintIdToken({
        iss: GITHUB_ISSUER,
        sub: issuer.subject,
        aud: query.audience ?? "fnapi",
        iat,
        exp: iat + issuer.lifetimeSeconds,
      });
      return { status: 200, body: { value } };
    },
  },
  errorBody: (f) => ({ message: f.details ?? f.message }),
  badParameter: (_op, name, rule) => ({ ...fail(400, "Bad Request"), details: `${name} ${rule}` }),
  notFound: () => fail(404, "Not Found"),
  forbidden: () => fail(403, "Forbidden"),
  payloadTooLarge: () => fail(413, "Payload Too Large"),
  internalError: (details) => ({ ...fail(500, "Internal Server Error"), details }),
  faultCode: String,
});
