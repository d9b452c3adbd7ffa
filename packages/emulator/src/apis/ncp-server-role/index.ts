import { randomBytes } from "node:crypto";
import { list, object, onlyKeys, optionalString, SeedError, string } from "../../seed-fields.js";
import { defineModule, failure } from "../api-module.js";
import { ncf } from "../ncf/index.js";
import { roleOf, type ServerRoleSeed } from "./state.js";

// NAVER's Server Role metadata (specs/ncp-server-role.yaml): the role id as plain text, then keys that live
// the seed's `ncp.serverRole.lifetimeSeconds`. NCF's gateway (ncf/auth.ts) accepts them until they expire,
// then refuses them like any bad key (401). Removing a key from `ncp.serverRole.issued` revokes it.

function parseServerRole(raw: unknown, path: string): ServerRoleSeed | undefined {
  if (raw === undefined) return undefined;
  const o = object(raw, path);
  onlyKeys(o, path, ["roleId", "lifetimeSeconds", "issued"]);
  const lifetime = o.lifetimeSeconds === undefined ? 3600 : o.lifetimeSeconds;
  if (!Number.isInteger(lifetime) || (lifetime as number) < 1) {
    throw new SeedError(`${path}.lifetimeSeconds`, "must be a positive whole number of seconds");
  }
  const roleId = string(o.roleId, `${path}.roleId`, {
    pattern: /^[A-Za-z0-9._-]{1,128}$/,
    text: "letters, digits, . _ -",
  });
  return {
    roleId,
    lifetimeSeconds: lifetime as number,
    issued: list(o.issued ?? [], `${path}.issued`).map((v, i) => {
      const at = `${path}.issued[${i}]`;
      const x = object(v, at);
      onlyKeys(x, at, ["accessKey", "secretKey", "expiresAt"]);
      return {
        accessKey: string(x.accessKey, `${at}.accessKey`),
        secretKey: string(x.secretKey, `${at}.secretKey`),
        expiresAt: optionalString(x.expiresAt, `${at}.expiresAt`) ?? new Date(0).toISOString(),
      };
    }),
  };
}

export const ncpServerRole = defineModule<"ncp", { serverRole: ServerRoleSeed | undefined }>({
  api: "ncp-server-role",
  section: "ncp",
  fields: { serverRole: parseServerRole },
  authenticate: () => ({ ok: true, principal: { kind: "none", deny: [] } }),
  claimed: () => ({ kind: "none", deny: [] }),
  handlers: {
    listServerRoles({ state }) {
      const role = roleOf(state);
      if (!role) return failure(404, "404", "Not Found", "no Server Role is set on this server");
      return { status: 200, headers: { "Content-Type": "text/plain" }, body: role.roleId };
    },
    getServerRoleCredentials({ state, path, now }) {
      const role = roleOf(state);
      if (!role || role.roleId !== path.roleId)
        return failure(404, "404", "Not Found", "no such Server Role");
      const alnum = (n: number) =>
        Array.from(randomBytes(n), (b) => "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[b % 36]).join("");
      const key = {
        accessKey: `ncp_iam_T${alnum(12)}`,
        secretKey: `ncp_iam_${randomBytes(24).toString("base64url")}`,
        expiresAt: new Date(now + role.lifetimeSeconds * 1000).toISOString(),
      };
      return {
        status: 200,
        change: (next) => {
          const r = roleOf(next);
          if (r) r.issued = [...r.issued.filter((k) => Date.parse(k.expiresAt) > now - 3_600_000), key];
        },
        body: { AccessKeyId: key.accessKey, SecretAccessKey: key.secretKey, Expiration: key.expiresAt },
      };
    },
  },
  errorBody: ncf.errorBody,
  badParameter: ncf.badParameter,
  notFound: ncf.notFound,
  forbidden: ncf.forbidden,
  payloadTooLarge: ncf.payloadTooLarge,
  internalError: ncf.internalError,
  faultCode: ncf.faultCode,
});
