import type { HuaweiAkSkCredentials, HuaweiTokenProvider, SigningCrypto } from "@fnapi/auth";
import { type DeleteResult, ValidationError } from "@fnapi/runtime";
import { assertOptionsObject, type BuildTarget, coreOf } from "@fnapi/runtime/internal";
import { createOpenapiClient } from "@fnapi/runtime/openapi";
import type { Client } from "openapi-fetch";
import { fgsAkSk } from "./auth-aksk.js";
import { fgsToken } from "./auth-token.js";
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
}

/** Options of `createFgsClient`: the common options and one kind of credentials. */
export type FgsClientOptions = FgsClientCommonOptions &
  (FgsTokenCredentials | FgsAkSkCredentials | FgsFoundCredentials);

/** The FunctionGraph build target: its chain finds a key pair (and maybe a project), or just a project. */
export interface FgsBuild extends BuildTarget<HuaweiAkSkCredentials & { projectId?: string }> {
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
  if (hasToken && hasAkSk) {
    throw new ValidationError(
      "credentials",
      "are given twice (token and accessKey/secretKey)",
      "give either token, or accessKey and secretKey",
    );
  }
  // Explicit options always win; the credential chain is asked only when no credential option is given.
  let found: (HuaweiAkSkCredentials & { projectId?: string }) | undefined;
  if (!hasToken && !hasAkSk) {
    if (!build.findCredentials) {
      throw new ValidationError(
        "credentials",
        "are missing",
        "give token, or accessKey and secretKey (in a browser or a worker they are never looked up)",
      );
    }
    found = build.findCredentials();
  }
  const auth = hasToken
    ? fgsToken(given.token as string | HuaweiTokenProvider)
    : fgsAkSk(
        found ?? {
          accessKey: given.accessKey as string,
          secretKey: given.secretKey as string,
          securityToken: given.securityToken,
        },
      );
  const { token: _t, accessKey: _a, secretKey: _s, securityToken: _st, ...common } = given;
  const projectId = given.projectId ?? found?.projectId ?? build.findProjectId?.();
  return bindFgsClient(
    createFgsWith(
      build.crypto as SigningCrypto,
      { ...common, ...(projectId === undefined ? {} : { projectId }), auth },
      "createFgsClient",
    ),
  );
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
