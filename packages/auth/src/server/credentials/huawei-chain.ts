import type { CredentialsProvider } from "../../credentials/temporary-credentials.js";
import { ValidationError } from "../../validation-error.js";
import {
  type CredentialSources,
  type FoundHuaweiCredentials,
  findHuaweiCredentials,
} from "../credential-chain.js";
import { type DmiReader, flag, isHuaweiCloudServer } from "./cloud-machine.js";
import { huaweiAssumeAgencyCredentials } from "./huawei-assume-agency.js";
import { huaweiOidcFederationCredentials, huaweiStsOidcCredentials } from "./huawei-federation.js";
import { HUAWEI_METADATA_ENDPOINT, huaweiEcsMetadataCredentials } from "./huawei-metadata.js";
import { huaweiPodIdentityCredentials } from "./huawei-pod-identity.js";
import { githubActionsIdToken, type IdTokenSource, idTokenFromFile } from "./id-token.js";

// Huawei's chain, in the vendors' order, deciding synchronously which source to use (reading variables and
// local files only; nothing is sent until a call needs keys):
// 1. OIDC federation (the pair wins over AK/SK, as in the SDKs): STS v5 assume-with-oidc when a provider URN
//    and an agency URN are given, else IAM v3.0 with HUAWEICLOUD_SDK_IDP_ID; the id token from
//    HUAWEICLOUD_SDK_ID_TOKEN_FILE, else from GitHub Actions' token endpoint;
// 2. HUAWEICLOUD_SDK_AK/SK (+ SECURITY_TOKEN), then ~/.huaweicloud/credentials [basic];
// 3. CCE Pod Identity, only when HC_CONTAINER_CREDENTIALS_FULL_URI is set (before the metadata: a pod's
//    node answers the metadata address with the node's agency, not the pod's);
// 4. ECS/BMS metadata, only when asked (FNAPI_HUAWEICLOUD_METADATA=true, or its endpoint given) or when the
//    machine's DMI says Huawei Cloud; never a packet to the metadata address otherwise;
// then, on top of whichever answered, an agency to assume (FNAPI_HUAWEICLOUD_AGENCY_NAME).

/** Where the keyless chains look; injectable for tests. */
export interface KeylessSources extends CredentialSources {
  /** The machine's DMI data. Default: Linux `/sys/class/dmi/id`. */
  dmi?: DmiReader;
  /** The `fetch` the providers use. Default: the global one. */
  fetch?: typeof fetch;
}

/** What the chain found: fixed keys, or a provider of keys that expire (its `source` names it). */
export type HuaweiChainResult = FoundHuaweiCredentials | (CredentialsProvider & { source: string });

const named = (provider: CredentialsProvider, source: string) => Object.assign(provider, { source });

function env(sources: KeylessSources): Record<string, string | undefined> {
  if (sources.env) return sources.env;
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
  } catch {
    return {};
  }
}

/** @internal */
export function idTokenSourceFrom(
  vars: Record<string, string | undefined>,
  fetchImpl?: typeof fetch,
): IdTokenSource | undefined {
  const file = vars.HUAWEICLOUD_SDK_ID_TOKEN_FILE?.trim();
  if (file) return idTokenFromFile(file);
  const url = vars.ACTIONS_ID_TOKEN_REQUEST_URL?.trim();
  const requestToken = vars.ACTIONS_ID_TOKEN_REQUEST_TOKEN?.trim();
  if (url && requestToken) {
    return githubActionsIdToken({
      url,
      requestToken,
      audience: vars.FNAPI_ID_TOKEN_AUDIENCE?.trim(),
      fetch: fetchImpl,
    });
  }
  return undefined;
}

const TO_SET =
  "set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK; or HUAWEICLOUD_SDK_IDP_ID with HUAWEICLOUD_SDK_ID_TOKEN_FILE " +
  "(in GitHub Actions: permissions id-token: write gives the token); or FNAPI_HUAWEICLOUD_OIDC_PROVIDER_URN " +
  "with FNAPI_HUAWEICLOUD_AGENCY_URN; or HC_CONTAINER_CREDENTIALS_FULL_URI (CCE Pod Identity); or " +
  "FNAPI_HUAWEICLOUD_METADATA=true on an ECS server with an agency";

/**
 * Huawei's chain (see above): fixed keys or a provider, decided without sending anything; throws a
 * ValidationError saying where it looked and what to set, never a value.
 */
export function huaweiCredentialsChain(sources: KeylessSources = {}): HuaweiChainResult {
  const vars = env(sources);
  const get = (name: string) => vars[name]?.trim() || undefined;
  const fetchImpl = sources.fetch;
  const iamEndpoint = get("HUAWEICLOUD_SDK_IAM_ENDPOINT");
  const looked: string[] = [];
  let base: HuaweiChainResult | undefined;

  const idToken = idTokenSourceFrom(vars, fetchImpl);
  const providerUrn = get("FNAPI_HUAWEICLOUD_OIDC_PROVIDER_URN");
  const agencyUrn = get("FNAPI_HUAWEICLOUD_AGENCY_URN");
  const idpId = get("HUAWEICLOUD_SDK_IDP_ID");
  if ((providerUrn || agencyUrn || idpId) && !idToken) {
    looked.push(
      "an id token (HUAWEICLOUD_SDK_ID_TOKEN_FILE, or ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN: not set)",
    );
  } else if (providerUrn && agencyUrn && idToken) {
    const region = get("HUAWEICLOUD_SDK_REGION") ?? "cn-north-4";
    const stsEndpoint = get("HUAWEICLOUD_SDK_STS_ENDPOINT") ?? `https://sts.${region}.myhuaweicloud.com`;
    const provider = huaweiStsOidcCredentials({
      providerUrn,
      agencyUrn,
      idToken,
      stsEndpoint,
      fetch: fetchImpl,
    });
    base = named(provider, `huawei-sts-assume-with-oidc (${idToken.label})`);
  } else if (idpId && idToken) {
    const provider = huaweiOidcFederationCredentials({ idpId, idToken, iamEndpoint, fetch: fetchImpl });
    base = named(provider, `huawei-iam-oidc-federation (${idToken.label})`);
  }
  if (!base) {
    try {
      base = findHuaweiCredentials(sources);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      looked.push(error.rule.replace(/^looked in /, ""));
    }
  }
  const podUri = get("HC_CONTAINER_CREDENTIALS_FULL_URI");
  if (!base && podUri) {
    const provider = huaweiPodIdentityCredentials({
      url: podUri,
      tokenFile: get("HC_CONTAINER_AUTHORIZATION_TOKEN_FILE"),
      fetch: fetchImpl,
    });
    base = named(provider, "huawei-cce-pod-identity");
  } else if (!base) {
    looked.push("CCE Pod Identity (HC_CONTAINER_CREDENTIALS_FULL_URI: not set)");
  }
  if (!base) {
    const endpoint = get("FNAPI_HUAWEICLOUD_METADATA_ENDPOINT");
    const asked = flag(vars.FNAPI_HUAWEICLOUD_METADATA);
    if (asked === true || (asked !== false && (endpoint !== undefined || isHuaweiCloudServer(sources.dmi)))) {
      const provider = huaweiEcsMetadataCredentials({
        endpoint: endpoint ?? HUAWEI_METADATA_ENDPOINT,
        fetch: fetchImpl,
      });
      base = named(provider, "huawei-ecs-metadata");
    } else {
      looked.push(
        asked === false
          ? "the ECS metadata (FNAPI_HUAWEICLOUD_METADATA=false)"
          : "the ECS metadata (not asked: this machine does not say it is a Huawei Cloud server)",
      );
    }
  }
  if (!base) {
    throw new ValidationError(
      "credentials",
      "were not given and were not found",
      `looked in ${looked.join("; ")}; ${TO_SET}`,
    );
  }
  const agencyName = get("FNAPI_HUAWEICLOUD_AGENCY_NAME");
  if (!agencyName) return base;
  const domainName = get("FNAPI_HUAWEICLOUD_AGENCY_DOMAIN");
  const domainId = get("FNAPI_HUAWEICLOUD_AGENCY_DOMAIN_ID");
  if (!domainName && !domainId) {
    throw new ValidationError(
      "FNAPI_HUAWEICLOUD_AGENCY_NAME",
      "is set without the account that owns the agency",
      "set FNAPI_HUAWEICLOUD_AGENCY_DOMAIN (its account name) or FNAPI_HUAWEICLOUD_AGENCY_DOMAIN_ID",
    );
  }
  const on = typeof base === "function" ? base.source : base.source;
  const provider = huaweiAssumeAgencyCredentials({
    base: typeof base === "function" ? base : { ...base, source: base.source },
    agencyName,
    domainName,
    domainId,
    iamEndpoint,
    fetch: fetchImpl,
  });
  return named(provider, `huawei-iam-assume-agency (on ${on})`);
}
