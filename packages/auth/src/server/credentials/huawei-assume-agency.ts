import type { CredentialsProvider, TemporaryCredentials } from "../../credentials/temporary-credentials.js";
import { toKeys } from "../../credentials/temporary-credentials.js";
import { createHuaweiSigner } from "../../huawei-sdk-hmac-sha256.js";
import { nodeCrypto } from "../node-crypto.js";
import { sendForJson } from "./http.js";
import { HUAWEI_IAM_ENDPOINT } from "./huawei-federation.js";
import { fromHuaweiCredential } from "./huawei-metadata.js";

// Assume an agency (cross-account), IAM v3.0 (iam_04_0101): POST {iam}/v3.0/OS-CREDENTIAL/securitytokens
// with `assume_role`, signed with the keys of any other source (static or temporary: their security token is
// sent and signed) → the agency's temporary keys (15 minutes to 24 hours).

/** Options of `huaweiAssumeAgencyCredentials`. */
export interface HuaweiAssumeAgencyOptions {
  /** The credentials to assume with: keys, or any provider (asked afresh for each renewal). */
  base: TemporaryCredentials | CredentialsProvider;
  /** The account that owns the agency: its name (`FNAPI_HUAWEICLOUD_AGENCY_DOMAIN`). */
  domainName?: string | undefined;
  /** …or its id. */
  domainId?: string | undefined;
  /** The agency's name (`FNAPI_HUAWEICLOUD_AGENCY_NAME`). */
  agencyName: string;
  /** Default 3600. */
  durationSeconds?: number | undefined;
  /** `HUAWEICLOUD_SDK_IAM_ENDPOINT`. Default `https://iam.myhuaweicloud.com`. */
  iamEndpoint?: string | undefined;
  /** The `fetch` to ask with. Default: the global one. */
  fetch?: typeof fetch | undefined;
}

/** A provider of another account's agency's temporary keys (IAM v3.0 assume_role), on top of `base`. */
export function huaweiAssumeAgencyCredentials(options: HuaweiAssumeAgencyOptions): CredentialsProvider {
  const iam = (options.iamEndpoint ?? HUAWEI_IAM_ENDPOINT).replace(/\/+$/, "");
  return async ({ signal }) => {
    const base = toKeys(typeof options.base === "function" ? await options.base({ signal }) : options.base);
    const source = `huawei-iam-assume-agency (on ${base.source ?? "static keys"})`;
    const url = `${iam}/v3.0/OS-CREDENTIAL/securitytokens`;
    const body = JSON.stringify({
      auth: {
        identity: {
          methods: ["assume_role"],
          assume_role: {
            ...(options.domainId ? { domain_id: options.domainId } : { domain_name: options.domainName }),
            agency_name: options.agencyName,
            duration_seconds: options.durationSeconds ?? 3_600,
          },
        },
      },
    });
    const request = new Request(url, {
      method: "POST",
      headers: { "Content-Type": "application/json;charset=utf8" },
      body,
    });
    await createHuaweiSigner(base, { crypto: nodeCrypto }).sign(request);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const { json } = await sendForJson({
      source,
      url,
      method: "POST",
      headers,
      body,
      timeoutMs: 10_000,
      signal,
      fetch: options.fetch,
    });
    return fromHuaweiCredential(source, json);
  };
}
