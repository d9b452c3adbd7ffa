import { assertCredential, assertHeaderSafe } from "../header-value.js";
import { ValidationError } from "../validation-error.js";

// Credentials that can expire, and the one shape every provider returns. A provider is any async function:
// the clients cache what it returns (credentials-cache.ts) and ask again before it expires or after a 401.

/** What a credentials provider returns: a key pair, maybe a security token, maybe an expiry. */
export interface TemporaryCredentials {
  /** The access key id. Not a secret (it is sent in the clear); printed by its last 4 characters only. */
  readonly accessKey: string;
  /** The secret key. A secret. */
  readonly secretKey: string;
  /** Huawei's temporary credentials: sent and signed as `X-Security-Token`. A secret. */
  readonly securityToken?: string | undefined;
  /** When they stop working (a `Date`, an ISO-8601 string or epoch ms). None: they never expire. */
  readonly expiresAt?: Date | string | number | undefined;
  /** Where they came from, e.g. `huawei-ecs-metadata` (never a secret): named in `--verbose` and messages. */
  readonly source?: string | undefined;
}

/**
 * An async function that fetches credentials. `signal` aborts once no call waits for this fetch any more:
 * pass it to your `fetch`.
 */
export type CredentialsProvider = (context: {
  signal: AbortSignal;
}) => TemporaryCredentials | Promise<TemporaryCredentials>;

/** Checked credentials with the expiry as epoch ms; `toJSON` and `inspect` show no secret. */
export interface Keys {
  /** The access key id (not a secret; shown by its last 4 characters). */
  readonly accessKey: string;
  /** The secret key. A secret (not enumerable). */
  readonly secretKey: string;
  /** Huawei's security token, if any. A secret (not enumerable). */
  readonly securityToken: string | undefined;
  /** Epoch ms, or `Infinity`. */
  readonly expiresAt: number;
  /** Which provider gave them (never a secret). */
  readonly source: string | undefined;
}

const inspect = Symbol.for("nodejs.util.inspect.custom");

/** The key id as printed anywhere: its last 4 characters. */
export function keyIdTail(accessKey: string): string {
  return `…${accessKey.slice(-4)}`;
}

/** Checks a provider's answer before anything is signed with it; the message never quotes a value. */
export function toKeys(raw: TemporaryCredentials): Keys {
  if (typeof raw !== "object" || raw === null) {
    throw new ValidationError(
      "credentials",
      `from the provider are ${raw === null ? "null" : typeof raw}`,
      "a provider resolves to { accessKey, secretKey, securityToken?, expiresAt? }",
    );
  }
  assertCredential("accessKey", raw.accessKey);
  assertCredential("secretKey", raw.secretKey);
  if (raw.securityToken !== undefined) assertHeaderSafe("securityToken", raw.securityToken);
  const expiresAt = expiryOf(raw.expiresAt);
  const source =
    typeof raw.source === "string" ? raw.source.replace(/[^\w.:/ -]/g, "").slice(0, 80) : undefined;
  const { accessKey, secretKey, securityToken } = raw;
  const shown = () => ({
    accessKey: keyIdTail(accessKey),
    secretKey: "[redacted]",
    ...(securityToken !== undefined ? { securityToken: "[redacted]" } : {}),
    expiresAt: Number.isFinite(expiresAt) ? new Date(expiresAt).toISOString() : "never",
    ...(source ? { source } : {}),
  });
  const keys = { accessKey, secretKey, securityToken, expiresAt, source };
  Object.defineProperties(keys, {
    toJSON: { value: shown, enumerable: false },
    [inspect]: { value: () => shown(), enumerable: false },
    // Not enumerable: a spread, Object.keys or a careless logger sees no secret either.
    secretKey: { value: secretKey, enumerable: false },
    securityToken: { value: securityToken, enumerable: false },
  });
  return Object.freeze(keys);
}

function expiryOf(raw: TemporaryCredentials["expiresAt"]): number {
  if (raw === undefined || raw === null) return Number.POSITIVE_INFINITY;
  const time = raw instanceof Date ? raw.getTime() : typeof raw === "number" ? raw : Date.parse(String(raw));
  if (!Number.isFinite(time)) {
    throw new ValidationError(
      "expiresAt",
      "from the credentials provider is not a valid time",
      "give a Date, an ISO-8601 string or epoch milliseconds",
    );
  }
  return time;
}
