import { randomBytes } from "node:crypto";
import { list, object, onlyKeys, optionalString, SeedError, string } from "../../seed-fields.js";

// The `huawei.keyless` seed field: who may get temporary keys (the server's agency, a pod's token, the
// identity providers IAM and STS trust, the agencies one may assume), the lifetime of every key issued, and
// the keys issued so far (state: FunctionGraph's gateway accepts them, with their security token, until they
// expire; removing one from the state revokes it).

export interface IssuedKey {
  accessKey: string;
  secretKey: string;
  securityToken: string;
  /** ISO-8601. */
  expiresAt: string;
  /** Which party issued it (`metadata`, `pod-identity`, `iam-token`, `assume-role`, `sts-oidc`). */
  source: string;
}

export interface KeylessSeed {
  lifetimeSeconds: number;
  metadata?: { agency: string } | undefined;
  podIdentity?: { token: string } | undefined;
  /** IAM v3.0 identity providers (X-Idp-Id) and the audience they trust. */
  identityProviders: { id: string; audience: string }[];
  /** STS v5 OIDC providers (URN), their audience and the agencies (URNs) they may assume. */
  oidcProviders: { urn: string; audience: string; agencyUrns: string[] }[];
  /** Agencies that may be assumed (assume_role), by their account's name or id. */
  agencies: { domain: string; name: string }[];
  issued: IssuedKey[];
}

/** What this module owns in the `huawei` section. */
export interface KeylessSection {
  keyless: KeylessSeed | undefined;
}

const EMPTY: KeylessSeed = {
  lifetimeSeconds: 3600,
  identityProviders: [],
  oidcProviders: [],
  agencies: [],
  issued: [],
};

export const keylessOf = (state: object): KeylessSeed =>
  (state as { huawei: { keyless?: KeylessSeed } }).huawei.keyless ?? EMPTY;

export function parseKeyless(raw: unknown, path: string): KeylessSeed | undefined {
  if (raw === undefined) return undefined;
  const o = object(raw, path);
  onlyKeys(o, path, [
    "lifetimeSeconds",
    "metadata",
    "podIdentity",
    "identityProviders",
    "oidcProviders",
    "agencies",
    "issued",
  ]);
  const lifetime = o.lifetimeSeconds === undefined ? 3600 : o.lifetimeSeconds;
  if (!Number.isInteger(lifetime) || (lifetime as number) < 1) {
    throw new SeedError(`${path}.lifetimeSeconds`, "must be a positive whole number of seconds");
  }
  const sub = (value: unknown, at: string, keys: string[]) => {
    const x = object(value, at);
    onlyKeys(x, at, keys);
    return x;
  };
  return {
    lifetimeSeconds: lifetime as number,
    metadata:
      o.metadata === undefined
        ? undefined
        : {
            agency: string(sub(o.metadata, `${path}.metadata`, ["agency"]).agency, `${path}.metadata.agency`),
          },
    podIdentity:
      o.podIdentity === undefined
        ? undefined
        : {
            token: string(
              sub(o.podIdentity, `${path}.podIdentity`, ["token"]).token,
              `${path}.podIdentity.token`,
            ),
          },
    identityProviders: list(o.identityProviders ?? [], `${path}.identityProviders`).map((v, i) => {
      const at = `${path}.identityProviders[${i}]`;
      const x = sub(v, at, ["id", "audience"]);
      return {
        id: string(x.id, `${at}.id`),
        audience: optionalString(x.audience, `${at}.audience`) ?? "fnapi",
      };
    }),
    oidcProviders: list(o.oidcProviders ?? [], `${path}.oidcProviders`).map((v, i) => {
      const at = `${path}.oidcProviders[${i}]`;
      const x = sub(v, at, ["urn", "audience", "agencyUrns"]);
      return {
        urn: string(x.urn, `${at}.urn`),
        audience: optionalString(x.audience, `${at}.audience`) ?? "fnapi",
        agencyUrns: list(x.agencyUrns ?? [], `${at}.agencyUrns`).map((u, j) =>
          string(u, `${at}.agencyUrns[${j}]`),
        ),
      };
    }),
    agencies: list(o.agencies ?? [], `${path}.agencies`).map((v, i) => {
      const at = `${path}.agencies[${i}]`;
      const x = sub(v, at, ["domain", "name"]);
      return { domain: string(x.domain, `${at}.domain`), name: string(x.name, `${at}.name`) };
    }),
    issued: list(o.issued ?? [], `${path}.issued`).map((v, i) => {
      const at = `${path}.issued[${i}]`;
      const x = sub(v, at, ["accessKey", "secretKey", "securityToken", "expiresAt", "source"]);
      return {
        accessKey: string(x.accessKey, `${at}.accessKey`),
        secretKey: string(x.secretKey, `${at}.secretKey`),
        securityToken: string(x.securityToken, `${at}.securityToken`),
        expiresAt: string(x.expiresAt, `${at}.expiresAt`),
        source: optionalString(x.source, `${at}.source`) ?? "seed",
      };
    }),
  };
}

/** New temporary keys (random) valid for the seed's lifetime from `now`. */
export function newKey(seed: KeylessSeed, now: number, source: string): IssuedKey {
  const alnum = (n: number) =>
    Array.from(randomBytes(n), (b) => "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[b % 36]).join("");
  return {
    accessKey: `T${alnum(19)}`,
    secretKey: randomBytes(30).toString("base64url"),
    securityToken: `gQ${randomBytes(120).toString("base64url")}`,
    expiresAt: new Date(now + seed.lifetimeSeconds * 1000).toISOString(),
    source,
  };
}

/** The change that records `key`, dropping keys expired for more than an hour. */
export const recordKey = (key: IssuedKey, now: number) => (state: object) => {
  const huawei = (state as { huawei: { keyless?: KeylessSeed } }).huawei;
  const seed = huawei.keyless ?? { ...EMPTY, issued: [] };
  seed.issued = [...seed.issued.filter((k) => Date.parse(k.expiresAt) > now - 3_600_000), key];
  huawei.keyless = seed;
};

/**
 * FunctionGraph's gateway asks this for an access key it does not know as a permanent one: the issued key
 * (as a credential with its security token), `expired`, or undefined.
 */
export function issuedCredential(
  state: object,
  accessKey: string,
  now: number,
): { accessKey: string; secretKey: string; securityToken: string } | "expired" | undefined {
  const key = keylessOf(state).issued.find((k) => k.accessKey === accessKey);
  if (!key) return undefined;
  if (now >= Date.parse(key.expiresAt)) return "expired";
  return { accessKey: key.accessKey, secretKey: key.secretKey, securityToken: key.securityToken };
}
