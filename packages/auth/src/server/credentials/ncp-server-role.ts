import type { CredentialsProvider } from "../../credentials/temporary-credentials.js";
import { CredentialsError } from "./credentials-error.js";
import { field, send, sendForJson } from "./http.js";

// NAVER Server Role on a VPC server (ncloud-sdk-python's credentials.py): GET
// {metadata}/latest/meta-data/iam/security-credentials/ → the role id, then GET …/<roleId> →
// `{ AccessKeyId, SecretAccessKey, Expiration }`. No session token: NAVER documents none, and the keys are
// signed like any others (signature v2). `NCLOUD_METADATA_ENDPOINT` overrides the address.

/** @internal */
export const NCP_METADATA_ENDPOINT = "http://169.254.169.254";
const SOURCE = "ncloud-server-role";

/** Options of `ncpServerRoleCredentials`. */
export interface NcpServerRoleOptions {
  /** Default `http://169.254.169.254` (`NCLOUD_METADATA_ENDPOINT` in the chain). */
  endpoint?: string | undefined;
  /** Per request. Default 3 s. */
  timeoutMs?: number | undefined;
  /** The `fetch` to ask with. Default: the global one. */
  fetch?: typeof fetch | undefined;
}

/** A provider of a NAVER Cloud VPC server's Server Role keys, from its metadata. */
export function ncpServerRoleCredentials(options: NcpServerRoleOptions = {}): CredentialsProvider {
  const base = `${(options.endpoint ?? NCP_METADATA_ENDPOINT).replace(/\/+$/, "")}/latest/meta-data/iam/security-credentials/`;
  const timeoutMs = options.timeoutMs ?? 3_000;
  return async ({ signal }) => {
    const roles = await send({
      source: SOURCE,
      url: base,
      method: "GET",
      timeoutMs,
      signal,
      fetch: options.fetch,
    });
    if (roles.status < 200 || roles.status > 299) {
      throw new CredentialsError(
        SOURCE,
        `GET ${base} answered ${roles.status} (is a Server Role set on this server?)`,
        roles.status,
      );
    }
    const roleId = roles.text.split("\n")[0]?.trim() ?? "";
    if (!/^[\w.-]{1,128}$/.test(roleId))
      throw new CredentialsError(SOURCE, "the metadata named no Server Role");
    const { json } = await sendForJson({
      source: SOURCE,
      url: `${base}${encodeURIComponent(roleId)}`,
      method: "GET",
      timeoutMs,
      signal,
      fetch: options.fetch,
    });
    return {
      accessKey: field(SOURCE, json, ["AccessKeyId"]),
      secretKey: field(SOURCE, json, ["SecretAccessKey"]),
      expiresAt: field(SOURCE, json, ["Expiration"]),
      source: SOURCE,
    };
  };
}
