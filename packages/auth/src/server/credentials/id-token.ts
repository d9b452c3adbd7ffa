import { CredentialsError } from "./credentials-error.js";
import { field, sendForJson } from "./http.js";
import { readTokenFile } from "./huawei-pod-identity.js";

// Where an OIDC id token comes from: a file (HUAWEICLOUD_SDK_ID_TOKEN_FILE; read afresh each time, as
// projected service-account tokens rotate), or GitHub Actions' token endpoint (a job with
// `permissions: id-token: write` has ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN).

/** An async source of id tokens; `signal` bounds the fetch. */
export type IdTokenSource = ((signal: AbortSignal) => Promise<string>) & { readonly label: string };

/** Id tokens read from a file, afresh each time (`HUAWEICLOUD_SDK_ID_TOKEN_FILE`). */
export function idTokenFromFile(path: string, variable = "HUAWEICLOUD_SDK_ID_TOKEN_FILE"): IdTokenSource {
  return Object.assign(async () => readTokenFile("id-token-file", variable, path), {
    label: "id-token-file",
  });
}

/** Options of `githubActionsIdToken`. */
export interface GithubIdTokenOptions {
  /** `ACTIONS_ID_TOKEN_REQUEST_URL`. */
  url: string;
  /** `ACTIONS_ID_TOKEN_REQUEST_TOKEN`. A secret. */
  requestToken: string;
  /** The `aud` the token is minted for (the client id the identity provider expects). */
  audience?: string | undefined;
  /** Default 10 s. */
  timeoutMs?: number | undefined;
  /** The `fetch` to ask with. Default: the global one. */
  fetch?: typeof fetch | undefined;
}

const SOURCE = "github-actions-id-token";

/** Id tokens from GitHub Actions' endpoint (a job with `permissions: id-token: write`). */
export function githubActionsIdToken(options: GithubIdTokenOptions): IdTokenSource {
  return Object.assign(
    async (signal: AbortSignal) => {
      let url: URL;
      try {
        url = new URL(options.url);
      } catch {
        throw new CredentialsError(SOURCE, "ACTIONS_ID_TOKEN_REQUEST_URL is not a URL");
      }
      if (options.audience) url.searchParams.set("audience", options.audience);
      if (/[^\x21-\x7e]/.test(options.requestToken)) {
        throw new CredentialsError(SOURCE, "ACTIONS_ID_TOKEN_REQUEST_TOKEN is not printable ASCII");
      }
      const { json } = await sendForJson({
        source: SOURCE,
        url: url.href,
        method: "GET",
        headers: { Authorization: `Bearer ${options.requestToken}`, Accept: "application/json" },
        timeoutMs: options.timeoutMs ?? 10_000,
        signal,
        fetch: options.fetch,
      });
      return field(SOURCE, json, ["value"]);
    },
    { label: SOURCE },
  );
}
