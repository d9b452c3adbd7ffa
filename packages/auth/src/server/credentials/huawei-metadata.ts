import type { CredentialsProvider, TemporaryCredentials } from "../../credentials/temporary-credentials.js";
import { field, send, sendForJson } from "./http.js";

// Huawei ECS/BMS metadata (the SDKs' MetadataAccessor): a session token (PUT …/api/token; a 404, 405 or 503
// means the server has none, and the SDKs go on without), then the agency's temporary keys
// (GET /openstack/latest/securitykey). Only ever asked when the chain decided this is a Huawei Cloud server
// or the caller asked for it (huawei-chain.ts): no packet to the metadata address otherwise.

export const HUAWEI_METADATA_ENDPOINT = "http://169.254.169.254";
const SOURCE = "huawei-ecs-metadata";

/** Options of `huaweiEcsMetadataCredentials`. */
export interface HuaweiMetadataOptions {
  /** Default `http://169.254.169.254` (`FNAPI_HUAWEICLOUD_METADATA_ENDPOINT` in the chain). */
  endpoint?: string | undefined;
  /** Per request. Default 3 s (the SDKs'). */
  timeoutMs?: number | undefined;
  /** The `fetch` to ask with. Default: the global one. */
  fetch?: typeof fetch | undefined;
}

/** Huawei's `{ credential: { access, secret, securitytoken, expires_at } }` (IAM and the metadata alike). */
/** @internal */
export function fromHuaweiCredential(source: string, json: unknown): TemporaryCredentials {
  return {
    accessKey: field(source, json, ["credential", "access"]),
    secretKey: field(source, json, ["credential", "secret"]),
    securityToken: field(source, json, ["credential", "securitytoken"]),
    expiresAt: field(source, json, ["credential", "expires_at"]),
    source,
  };
}

/**
 * A provider of the temporary keys of the agency bound to this ECS/BMS server, from its metadata. Ask for it
 * only on a Huawei Cloud server: `huaweiCredentialsChain` does so only when the machine says it is one or
 * when asked.
 */
export function huaweiEcsMetadataCredentials(options: HuaweiMetadataOptions = {}): CredentialsProvider {
  const base = (options.endpoint ?? HUAWEI_METADATA_ENDPOINT).replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 3_000;
  return async ({ signal }) => {
    const session = await send({
      source: SOURCE,
      url: `${base}/meta-data/latest/api/token`,
      method: "PUT",
      headers: { "X-Metadata-Token-Ttl-Seconds": "21600" },
      timeoutMs,
      signal,
      fetch: options.fetch,
    });
    const token = session.status >= 200 && session.status < 300 ? session.text.trim() : undefined;
    const { json } = await sendForJson({
      source: SOURCE,
      url: `${base}/openstack/latest/securitykey`,
      method: "GET",
      headers: token && /^[\x21-\x7e]+$/.test(token) ? { "X-Metadata-Token": token } : {},
      timeoutMs,
      signal,
      fetch: options.fetch,
    });
    return fromHuaweiCredential(SOURCE, json);
  };
}
