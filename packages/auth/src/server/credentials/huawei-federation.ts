import type { CredentialsProvider } from "../../credentials/temporary-credentials.js";
import { CredentialsError } from "./credentials-error.js";
import { field, sendForJson } from "./http.js";
import { fromHuaweiCredential } from "./huawei-metadata.js";
import type { IdTokenSource } from "./id-token.js";

// Huawei OIDC federation, two ways:
// - IAM v3.0 (the SDKs' FederalAccessor; iam_13_0605): POST {iam}/v3.0/OS-AUTH/id-token/tokens with
//   `X-Idp-Id` → an IAM token (`X-Subject-Token`), then POST {iam}/v3.0/OS-CREDENTIAL/securitytokens →
//   temporary keys. Note /v3.0/, not /v3/.
// - STS v5 AssumeAgencyWithOIDC (not signed): POST {sts}/v5/agencies/assume-with-oidc with the provider and
//   agency URNs → temporary keys. Huawei's IAM docs recommend it for GitHub.

/** @internal */
export const HUAWEI_IAM_ENDPOINT = "https://iam.myhuaweicloud.com";
const TIMEOUT_MS = 10_000;

/** Options of `huaweiOidcFederationCredentials`. */
export interface HuaweiOidcFederationOptions {
  /** `HUAWEICLOUD_SDK_IDP_ID`: the identity provider's id in IAM. */
  idpId: string;
  /** Where the id token comes from. */
  idToken: IdTokenSource;
  /** `HUAWEICLOUD_SDK_IAM_ENDPOINT`. Default `https://iam.myhuaweicloud.com`. */
  iamEndpoint?: string | undefined;
  /** Lifetime asked for, seconds. Default 21600 (the SDKs'). */
  durationSeconds?: number | undefined;
  /** The `fetch` to ask with. Default: the global one. */
  fetch?: typeof fetch | undefined;
}

/** A provider of temporary keys by IAM v3.0 OIDC federation (id token → IAM token → security token). */
export function huaweiOidcFederationCredentials(options: HuaweiOidcFederationOptions): CredentialsProvider {
  const source = `huawei-iam-oidc-federation (${options.idToken.label})`;
  const iam = (options.iamEndpoint ?? HUAWEI_IAM_ENDPOINT).replace(/\/+$/, "");
  if (/[^\x21-\x7e]/.test(options.idpId))
    throw new CredentialsError(source, "HUAWEICLOUD_SDK_IDP_ID is not printable ASCII");
  return async ({ signal }) => {
    const idToken = await options.idToken(signal);
    const { headers } = await sendForJson({
      source,
      url: `${iam}/v3.0/OS-AUTH/id-token/tokens`,
      method: "POST",
      headers: { "Content-Type": "application/json;charset=utf8", "X-Idp-Id": options.idpId },
      body: JSON.stringify({ auth: { id_token: { id: idToken } } }),
      timeoutMs: TIMEOUT_MS,
      signal,
      fetch: options.fetch,
    });
    const token = headers.get("x-subject-token");
    if (!token || /[^\x21-\x7e]/.test(token))
      throw new CredentialsError(source, "IAM answered no X-Subject-Token");
    const { json } = await sendForJson({
      source,
      url: `${iam}/v3.0/OS-CREDENTIAL/securitytokens`,
      method: "POST",
      headers: { "Content-Type": "application/json;charset=utf8", "X-Auth-Token": token },
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ["token"],
            token: { id: token, duration_seconds: options.durationSeconds ?? 21_600 },
          },
        },
      }),
      timeoutMs: TIMEOUT_MS,
      signal,
      fetch: options.fetch,
    });
    return fromHuaweiCredential(source, json);
  };
}

/** Options of `huaweiStsOidcCredentials`. */
export interface HuaweiStsOidcOptions {
  /** The OIDC identity provider's URN (`FNAPI_HUAWEICLOUD_OIDC_PROVIDER_URN`). */
  providerUrn: string;
  /** The agency's URN (`FNAPI_HUAWEICLOUD_AGENCY_URN`). */
  agencyUrn: string;
  /** Where the id token comes from. */
  idToken: IdTokenSource;
  /** `HUAWEICLOUD_SDK_STS_ENDPOINT`, else `https://sts.<region>.myhuaweicloud.com`. */
  stsEndpoint: string;
  /** Default `fnapi`. */
  sessionName?: string | undefined;
  /** Default 3600 (STS's default; 900 up to the agency's maximum). */
  durationSeconds?: number | undefined;
  /** The `fetch` to ask with. Default: the global one. */
  fetch?: typeof fetch | undefined;
}

/** A provider of an agency's temporary keys by STS v5 AssumeAgencyWithOIDC. */
export function huaweiStsOidcCredentials(options: HuaweiStsOidcOptions): CredentialsProvider {
  const source = `huawei-sts-assume-with-oidc (${options.idToken.label})`;
  const sts = options.stsEndpoint.replace(/\/+$/, "");
  return async ({ signal }) => {
    const idToken = await options.idToken(signal);
    const { json } = await sendForJson({
      source,
      url: `${sts}/v5/agencies/assume-with-oidc`,
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        provider_urn: options.providerUrn,
        agency_urn: options.agencyUrn,
        agency_session_name: options.sessionName ?? "fnapi",
        id_token: idToken,
        duration_seconds: options.durationSeconds ?? 3_600,
      }),
      timeoutMs: TIMEOUT_MS,
      signal,
      fetch: options.fetch,
    });
    return {
      accessKey: field(source, json, ["credentials", "access_key_id"]),
      secretKey: field(source, json, ["credentials", "secret_access_key"]),
      securityToken: field(source, json, ["credentials", "security_token"]),
      expiresAt: field(source, json, ["credentials", "expiration"]),
      source,
    };
  };
}
