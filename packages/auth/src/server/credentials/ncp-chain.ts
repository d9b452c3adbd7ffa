import type { CredentialsProvider } from "../../credentials/temporary-credentials.js";
import { ValidationError } from "../../validation-error.js";
import { type FoundNcpCredentials, findNcpCredentials } from "../credential-chain.js";
import { flag, isNaverCloudServer } from "./cloud-machine.js";
import type { KeylessSources } from "./huawei-chain.js";
import { NCP_METADATA_ENDPOINT, ncpServerRoleCredentials } from "./ncp-server-role.js";

// NAVER's chain (ncloud-sdk-python's CredentialsResolver): the environment, ~/.ncloud/configure, then the
// Server Role from the metadata, asked only when NCLOUD_METADATA_ENDPOINT is set, FNAPI_NCLOUD_SERVER_ROLE
// is true, or the machine's DMI says NAVER Cloud: never a packet to the metadata address otherwise.

/** What the chain found: fixed keys, or a provider of keys that expire (its `source` names it). */
export type NcpChainResult = FoundNcpCredentials | (CredentialsProvider & { source: string });

/**
 * NAVER's chain: the environment, `~/.ncloud/configure`, then the Server Role (only on a NAVER Cloud server or
 * when asked). Decides without sending; throws a ValidationError saying where it looked and what to set.
 */
export function ncpCredentialsChain(sources: KeylessSources = {}): NcpChainResult {
  const vars =
    sources.env ??
    (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ??
    {};
  let looked: string;
  try {
    return findNcpCredentials(sources);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    looked = error.rule.replace(/^looked in /, "");
  }
  const endpoint = vars.NCLOUD_METADATA_ENDPOINT?.trim() || undefined;
  const asked = flag(vars.FNAPI_NCLOUD_SERVER_ROLE);
  if (asked === true || (asked !== false && (endpoint !== undefined || isNaverCloudServer(sources.dmi)))) {
    const provider = ncpServerRoleCredentials({
      endpoint: endpoint ?? NCP_METADATA_ENDPOINT,
      fetch: sources.fetch,
    });
    return Object.assign(provider, { source: "ncloud-server-role" });
  }
  throw new ValidationError(
    "credentials",
    "were not given and were not found",
    `looked in ${looked}; the Server Role (not asked: this machine does not say it is a NAVER Cloud server); ` +
      "set NCLOUD_ACCESS_KEY_ID and NCLOUD_SECRET_ACCESS_KEY, or FNAPI_NCLOUD_SERVER_ROLE=true on a VPC server with a Server Role",
  );
}
