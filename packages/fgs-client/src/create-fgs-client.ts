import {
  type Clock,
  type CredentialsProvider,
  type HuaweiAkSkCredentials,
  type HuaweiTokenProvider,
  huaweiAkSkAuth,
  huaweiTokenAuth,
  type RenewalRule,
  type SigningCrypto,
} from "@fnapi/auth";
import {
  type CallLogger,
  createClientKit,
  type DeleteResult,
  type RetryOptions,
  ValidationError,
} from "@fnapi/runtime";
import { type BuildPlatform, checkOptions, parseBaseUrl, resolveRetryOptions } from "@fnapi/runtime/internal";
import type { Client, PathSerializer } from "openapi-fetch";
import type { FgsContext } from "./context.js";
import { fgsErrorMapping } from "./errors.js";
import type { paths } from "./generated/fgs.js";
import { type DeleteFunctionOptions, deleteFunction } from "./operations/delete-function.js";
import {
  type ListedFunction,
  type ListFunctionsOptions,
  listFunctions,
} from "./operations/list-functions.js";
import {
  type ListedAlias,
  type ListedVersion,
  type ListOptions,
  listAliases,
  listVersions,
} from "./operations/list-versions.js";
import { URN_RULES } from "./urn.js";

/** The options of `createFgsClient` besides credentials. */
export interface FgsClientCommonOptions extends RetryOptions {
  /**
   * The project id of the path (32 letters or digits). On Node, Deno and Bun it may also come from
   * `HUAWEICLOUD_SDK_PROJECT_ID` or `project_id` in `~/.huaweicloud/credentials`.
   */
  projectId?: string;
  /** Default `cn-north-4`; gives `https://functiongraph.<region>.myhuaweicloud.com`. */
  region?: string;
  /** Overrides the host built from `region` (other Huawei-based clouds, proxies, mocks). */
  baseUrl?: string;
  /** The `fetch` to send with. Default: the global one. */
  fetch?: typeof fetch;
  /** Time source for signing. Default `Date.now`; corrected automatically when the gateway shows skew. */
  clock?: Clock;
  /** HMAC and SHA-256 implementation for AK/SK signing. Default: node:crypto on Node, Deno and Bun; Web Crypto elsewhere. */
  crypto?: SigningCrypto;
  /** Called once per attempt with method, URL, status, attempt, duration, vendor code and request id. */
  logger?: CallLogger;
  /** When a credentials provider's keys are renewed. Default Huawei's (40 minutes before expiry). */
  renewal?: RenewalRule;
}

/** Token credentials of `createFgsClient`. */
export interface FgsTokenCredentials {
  /** An IAM token, or an async provider whose result is cached until shortly before it expires. */
  token: string | HuaweiTokenProvider;
  /** Not with a token. */
  accessKey?: never;
  /** Not with a token. */
  secretKey?: never;
  /** Not with a token. */
  securityToken?: never;
  /** Not with a token. */
  credentials?: never;
}

/** AK/SK credentials of `createFgsClient`. */
export interface FgsAkSkCredentials {
  /** The access key id (AK). */
  accessKey: string;
  /** The secret access key (SK). A secret. */
  secretKey: string;
  /** For temporary credentials (`X-Security-Token`). */
  securityToken?: string;
  /** Not with keys. */
  token?: never;
  /** Not with keys. */
  credentials?: never;
}

/**
 * Credentials that can expire: an async provider of `{ accessKey, secretKey, securityToken?, expiresAt? }`
 * (e.g. from `@fnapi/auth/server`'s `huaweiCredentialsChain`), cached and renewed 40 minutes before expiry
 * (at half-life for shorter-lived keys), one renewal however many calls wait, and once after a 401.
 */
export interface FgsProviderCredentials {
  /** The provider. What it returns is secret like static keys (redacted, never in `toJSON`/`inspect`). */
  credentials: CredentialsProvider;
  /** Not with a provider. */
  token?: never;
  /** Not with a provider. */
  accessKey?: never;
  /** Not with a provider. */
  secretKey?: never;
  /** Not with a provider. */
  securityToken?: never;
}

/** No credential option: on Node, Deno and Bun they come from Huawei's environment variables or file. */
export interface FgsFoundCredentials {
  /** Not with keys. */
  token?: never;
  /** Not with a token. */
  accessKey?: never;
  /** Not with a token. */
  secretKey?: never;
  /** Not with a token. */
  securityToken?: never;
  /** Not with keys. */
  credentials?: never;
}

/** Options of `createFgsClient`: the common options and one kind of credentials. */
export type FgsClientOptions = FgsClientCommonOptions &
  (FgsTokenCredentials | FgsAkSkCredentials | FgsProviderCredentials | FgsFoundCredentials);

/** The FunctionGraph build platform: its chain finds a key pair (and maybe a project), or just a project. */
export interface FgsPlatform
  extends BuildPlatform<(HuaweiAkSkCredentials & { projectId?: string }) | CredentialsProvider> {
  /** The project id from the vendor's environment, in the server build only. */
  findProjectId?: (() => string | undefined) | undefined;
}

/** A client for Huawei FunctionGraph: `createFgsClient(options)`. */
export interface FgsClient {
  /**
   * Deletes a function (7-field URN), or one version or the version an alias points to (8 fields).
   * Resolves on 204 (any 2xx; or, with `missingOk`, when it is already gone) to what happened; otherwise
   * throws `FgsApiError`, `TimeoutError`, `NetworkError`…
   */
  deleteFunction(functionUrn: string, options?: DeleteFunctionOptions): Promise<DeleteResult>;
  /**
   * Every function of the project, page after page (`for await … of`): one page in memory at a time.
   * Items carry `urn` (7 fields), `name`, `package` and `lastModified`. Bad options throw at once.
   */
  listFunctions(options?: ListFunctionsOptions): AsyncIterable<ListedFunction>;
  /** Every version of a function (7-field URN), `latest` included. */
  listVersions(functionUrn: string, options?: ListOptions): Promise<ListedVersion[]>;
  /** Every alias of a function (7-field URN), with the version (and weighted versions) it points to. */
  listAliases(functionUrn: string, options?: ListOptions): Promise<ListedAlias[]>;
  /**
   * The openapi-fetch client for the spec's paths, through the same pipeline as the operations:
   * authenticated, timed out, retried (idempotent methods), redirects refused, bodies bounded, redacted.
   */
  readonly client: Client<paths>;
}

// Huawei's clients send the URN with its colons raw; openapi-fetch's default serializer would send %3A.
// Everything else is still percent-encoded, so no value can change the path.
const rawColonPathSerializer: PathSerializer = (pathname, params) =>
  pathname.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(params[name])).replace(/%3A/gi, ":"),
  );

function check(field: "projectId" | "region", value: unknown): string {
  const { pattern, rule } = URN_RULES[field];
  if (typeof value !== "string" || !pattern.test(value)) {
    const problem =
      typeof value === "string" ? `${JSON.stringify(value.slice(0, 80))} is invalid` : "is missing";
    throw new ValidationError(field, problem, `it must be ${rule}`);
  }
  return value;
}

export function createFgsClientOn(platform: FgsPlatform, options: FgsClientOptions = {}): FgsClient {
  checkOptions(options, "createFgsClient", {
    baseUrl: "string",
    fetch: "function",
    clock: "function",
    crypto: "object",
    logger: "function",
    credentials: "function",
  });
  const hasToken = options.token !== undefined;
  const hasAkSk = options.accessKey !== undefined || options.secretKey !== undefined;
  const hasProvider = options.credentials !== undefined;
  if (Number(hasToken) + Number(hasAkSk) + Number(hasProvider) > 1) {
    const given = [hasToken && "token", hasAkSk && "accessKey/secretKey", hasProvider && "credentials"];
    throw new ValidationError(
      "credentials",
      `are given twice (${given.filter(Boolean).join(" and ")})`,
      "give either token, or accessKey and secretKey, or a credentials provider",
    );
  }
  // Explicit options always win; the credential chain is asked only when no credential option is given.
  let found: (HuaweiAkSkCredentials & { projectId?: string }) | CredentialsProvider | undefined =
    options.credentials;
  if (!hasToken && !hasAkSk && !hasProvider) {
    if (!platform.findCredentials) {
      throw new ValidationError(
        "credentials",
        "are missing",
        "give token, or accessKey and secretKey (in a browser or a worker they are never looked up)",
      );
    }
    found = platform.findCredentials();
  }
  const foundProject = typeof found === "object" ? found.projectId : undefined;
  const projectId = check("projectId", options.projectId ?? foundProject ?? platform.findProjectId?.());
  const region = check("region", options.region ?? "cn-north-4");
  const crypto = options.crypto ?? platform.crypto;
  const auth =
    options.token !== undefined
      ? huaweiTokenAuth(options.token, options.clock ? { clock: options.clock } : {})
      : huaweiAkSkAuth(
          found ?? {
            accessKey: options.accessKey as string,
            secretKey: options.secretKey as string,
            securityToken: options.securityToken,
          },
          { projectId, clock: options.clock, crypto, renewal: options.renewal },
        );
  const context: FgsContext = {
    kit: createClientKit<paths>({
      baseUrl: parseBaseUrl(options.baseUrl ?? `https://functiongraph.${region}.myhuaweicloud.com`),
      auth,
      errors: fgsErrorMapping,
      retry: resolveRetryOptions(options),
      fetch: options.fetch,
      headers: { "Content-Type": "application/json" },
      pathSerializer: rawColonPathSerializer,
      logger: options.logger,
    }),
    projectId,
    region,
    customHost: options.baseUrl !== undefined,
  };
  return {
    client: context.kit.client,
    deleteFunction: (functionUrn, callOptions) => deleteFunction(context, functionUrn, callOptions),
    listFunctions: (callOptions) => listFunctions(context, callOptions),
    listVersions: (functionUrn, callOptions) => listVersions(context, functionUrn, callOptions),
    listAliases: (functionUrn, callOptions) => listAliases(context, functionUrn, callOptions),
  };
}
