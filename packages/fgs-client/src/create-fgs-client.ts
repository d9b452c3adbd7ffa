import type {
  CredentialsProvider,
  HuaweiAkSkCredentials,
  HuaweiTokenProvider,
  RenewingCredentials,
  SigningCrypto,
} from "@fnapi/auth";
import { HUAWEI_RENEWAL, type RenewalRule, renewingCredentials } from "@fnapi/auth/credentials";
import { type DeleteResult, ValidationError } from "@fnapi/runtime";
import { assertOptionsObject, type BuildTarget, coreOf } from "@fnapi/runtime/internal";
import { createOpenapiClient } from "@fnapi/runtime/openapi";
import type { Client } from "openapi-fetch";
import { fgsAkSk } from "./auth-aksk.js";
import { fgsToken } from "./auth-token.js";
import { fgsTokenProvider } from "./auth-token-provider.js";
import { createFgsWith, type Fgs, type FgsClientCommonOptions } from "./fgs.js";
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

// The all-methods client: both auth schemes and the credential chain (server build), every operation bound,
// and the typed openapi-fetch client. A program that calls one operation with one scheme imports `createFgs`,
// `fgsToken` or `fgsAkSk`, and that operation instead.

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
 * (at half-life for shorter-lived keys), one renewal however many calls wait, and once after a 401. With
 * `createFgs`: `auth: fgsAkSk(renewingCredentials(provider))` (`@fnapi/auth/credentials`).
 */
export interface FgsProviderCredentials {
  /** The provider (or `renewingCredentials(provider)`). What it returns is secret like static keys. */
  credentials: CredentialsProvider | RenewingCredentials;
  /** When the provider's keys are renewed. Default Huawei's (`HUAWEI_RENEWAL`). */
  renewal?: RenewalRule;
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

/** The FunctionGraph build target: its chain finds a key pair (and maybe a project), or just a project. */
export interface FgsBuild
  extends BuildTarget<(HuaweiAkSkCredentials & { projectId?: string }) | CredentialsProvider> {
  /** The project id from the vendor's environment, in the server build only. */
  findProjectId?: (() => string | undefined) | undefined;
}

/** A client for Huawei FunctionGraph: `createFgsClient(options)`. Also an `Fgs` for the standalone operations. */
export interface FgsClient extends Fgs {
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
   * The openapi-fetch client for the spec's paths, through the same send as the operations:
   * authenticated, timed out, retried (idempotent methods), redirects refused, bodies bounded, redacted.
   */
  readonly client: Client<paths>;
}

export function createFgsClientOn(build: FgsBuild, options: FgsClientOptions = {}): FgsClient {
  if (options !== undefined) assertOptionsObject(options, "createFgsClient");
  const given = (options ?? {}) as Partial<FgsClientOptions>;
  const hasToken = given.token !== undefined;
  const hasAkSk = given.accessKey !== undefined || given.secretKey !== undefined;
  const hasProvider = given.credentials !== undefined;
  if (Number(hasToken) + Number(hasAkSk) + Number(hasProvider) > 1) {
    const kinds = [hasToken && "token", hasAkSk && "accessKey/secretKey", hasProvider && "credentials"];
    throw new ValidationError(
      "credentials",
      `are given twice (${kinds.filter(Boolean).join(" and ")})`,
      "give either token, or accessKey and secretKey, or a credentials provider",
    );
  }
  // Explicit options always win; the credential chain is asked only when no credential option is given.
  let found: (HuaweiAkSkCredentials & { projectId?: string }) | CredentialsProvider | undefined;
  if (!hasToken && !hasAkSk && !hasProvider) {
    if (!build.findCredentials) {
      throw new ValidationError(
        "credentials",
        "are missing",
        "give token, or accessKey and secretKey (in a browser or a worker they are never looked up)",
      );
    }
    found = build.findCredentials();
  }
  const provider = given.credentials ?? (typeof found === "function" ? found : undefined);
  const { renewal, clock } = given as { renewal?: RenewalRule; clock?: FgsClientCommonOptions["clock"] };
  const auth = hasToken
    ? typeof given.token === "string"
      ? fgsToken(given.token)
      : fgsTokenProvider(given.token as HuaweiTokenProvider)
    : fgsAkSk(
        provider !== undefined
          ? renewingOf(provider, renewal, clock)
          : ((found as HuaweiAkSkCredentials | undefined) ?? {
              accessKey: given.accessKey as string,
              secretKey: given.secretKey as string,
              securityToken: given.securityToken,
            }),
      );
  const {
    token: _t,
    accessKey: _a,
    secretKey: _s,
    securityToken: _st,
    credentials: _c,
    renewal: _r,
    ...common
  } = given as Partial<FgsClientOptions & FgsProviderCredentials>;
  const foundProject = typeof found === "object" ? found.projectId : undefined;
  const projectId = given.projectId ?? foundProject ?? build.findProjectId?.();
  return bindFgsClient(
    createFgsWith(
      build.crypto as SigningCrypto,
      { ...common, ...(projectId === undefined ? {} : { projectId }), auth },
      "createFgsClient",
    ),
  );
}

/** A provider behind the renewal cache (Huawei's rule unless given); renewing credentials as they are. */
function renewingOf(
  credentials: CredentialsProvider | RenewingCredentials,
  renewal: RenewalRule | undefined,
  clock: FgsClientCommonOptions["clock"],
): RenewingCredentials {
  if (typeof credentials !== "function") {
    if (typeof credentials !== "object" || credentials === null || typeof credentials.auth !== "function") {
      throw new ValidationError(
        "credentials",
        `is ${credentials === null ? "null" : typeof credentials}`,
        "give an async provider of { accessKey, secretKey, securityToken?, expiresAt? }",
      );
    }
    return credentials;
  }
  return renewingCredentials(credentials, { renewal: renewal ?? HUAWEI_RENEWAL, clock });
}

/** Every operation bound on `fgs`, and the typed client. */
export function bindFgsClient(fgs: Fgs): FgsClient {
  const client: Omit<FgsClient, keyof Fgs> = {
    client: createOpenapiClient<paths>(coreOf(fgs)),
    deleteFunction: (functionUrn, options) => deleteFunction(fgs, functionUrn, options),
    listFunctions: (options) => listFunctions(fgs, options),
    listVersions: (functionUrn, options) => listVersions(fgs, functionUrn, options),
    listAliases: (functionUrn, options) => listAliases(fgs, functionUrn, options),
  };
  return Object.defineProperties(client, Object.getOwnPropertyDescriptors(fgs)) as FgsClient;
}
