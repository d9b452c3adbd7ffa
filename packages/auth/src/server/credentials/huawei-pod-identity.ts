import type { CredentialsProvider } from "../../credentials/temporary-credentials.js";
import { builtin } from "../builtin.js";
import { CredentialsError } from "./credentials-error.js";
import { field, sendForJson } from "./http.js";

// CCE Pod Identity (Huawei's SDKs, Python 3.1.190): POST $HC_CONTAINER_CREDENTIALS_FULL_URI with the
// contents of $HC_CONTAINER_AUTHORIZATION_TOKEN_FILE as `Authorization` (read afresh each time: the kubelet
// rotates it), body `{}` → `{ credentials: { accessKeyId, secretAccessKey, securityToken, expiration } }`.

const SOURCE = "huawei-cce-pod-identity";

/** Options of `huaweiPodIdentityCredentials`. */
export interface HuaweiPodIdentityOptions {
  /** `HC_CONTAINER_CREDENTIALS_FULL_URI`. */
  url: string;
  /** `HC_CONTAINER_AUTHORIZATION_TOKEN_FILE`. */
  tokenFile?: string | undefined;
  /** Default 5 s (the SDK's). */
  timeoutMs?: number | undefined;
  /** The `fetch` to ask with. Default: the global one. */
  fetch?: typeof fetch | undefined;
}

/** A provider of a CCE pod's temporary keys (Pod Identity). */
export function huaweiPodIdentityCredentials(options: HuaweiPodIdentityOptions): CredentialsProvider {
  return async ({ signal }) => {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (options.tokenFile) headers.Authorization = readToken(options.tokenFile);
    const { json } = await sendForJson({
      source: SOURCE,
      url: options.url,
      method: "POST",
      headers,
      body: "{}",
      timeoutMs: options.timeoutMs ?? 5_000,
      signal,
      fetch: options.fetch,
    });
    return {
      accessKey: field(SOURCE, json, ["credentials", "accessKeyId"]),
      secretKey: field(SOURCE, json, ["credentials", "secretAccessKey"]),
      securityToken: field(SOURCE, json, ["credentials", "securityToken"]),
      expiresAt: field(SOURCE, json, ["credentials", "expiration"]),
      source: SOURCE,
    };
  };
}

/** A token file's content, trimmed; an unreadable file says which variable named it, never its content. */
/** @internal */
export function readTokenFile(source: string, variable: string, path: string): string {
  let text: string;
  try {
    text = builtin<typeof import("node:fs")>("node:fs").readFileSync(path, "utf8").trim();
  } catch (error) {
    const code = (error as { code?: string }).code ?? "unreadable";
    throw new CredentialsError(source, `the file named by ${variable} could not be read (${code})`);
  }
  if (text === "" || /[^\x21-\x7e]/.test(text)) {
    throw new CredentialsError(
      source,
      `the file named by ${variable} holds no token (empty, or not one line of printable ASCII)`,
    );
  }
  return text;
}

const readToken = (path: string) => readTokenFile(SOURCE, "HC_CONTAINER_AUTHORIZATION_TOKEN_FILE", path);
