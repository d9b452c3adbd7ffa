import {
  type Clock,
  createSkewedClock,
  createTokenSource,
  fetchWithSignal,
  guardErrorResponses,
  huaweiAkSkMiddleware,
  huaweiTokenMiddleware,
  type RetryOptions,
  resolveRetryOptions,
  runIdempotentCall,
  type TokenProvider,
  ValidationError,
} from "@fnapi/auth";
import createClient, { type Client, type PathSerializer } from "openapi-fetch";
import { ALREADY_GONE_CODES, FgsApiError, toFgsApiError } from "./errors.js";
import type { paths } from "./generated/fgs.js";
import { parseFunctionUrn, URN_RULES } from "./urn.js";

interface CommonOptions extends RetryOptions {
  /** The project id of the path (32 letters or digits). */
  projectId: string;
  /** Default `cn-north-4`; gives `https://functiongraph.<region>.myhuaweicloud.com`. */
  region?: string;
  /** Overrides the host built from `region` (other Huawei-based clouds, proxies, mocks). */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Time source for signing. Default `Date.now`; corrected automatically when the gateway shows skew. */
  clock?: Clock;
}

interface TokenAuth {
  /** An IAM token, or an async provider whose result is cached until shortly before it expires. */
  token: string | TokenProvider;
  accessKey?: never;
  secretKey?: never;
  securityToken?: never;
}

interface AkSkAuth {
  accessKey: string;
  secretKey: string;
  /** For temporary credentials (`X-Security-Token`). */
  securityToken?: string;
  token?: never;
}

export type FgsClientOptions = CommonOptions & (TokenAuth | AkSkAuth);

export interface DeleteFunctionOptions {
  signal?: AbortSignal;
  /** Resolve when the function, version or alias is already gone (404 FSS.1051/1052/1053). */
  missingOk?: boolean;
}

export interface FgsClient {
  /**
   * Deletes a function (7-field URN), or one version or the version an alias points to (8 fields).
   * Resolves on 204 (any 2xx); otherwise throws `FgsApiError`, `TimeoutError` or `NetworkError`.
   */
  deleteFunction(functionUrn: string, options?: DeleteFunctionOptions): Promise<void>;
  /** The openapi-fetch client for the spec's paths, with authentication installed. */
  readonly client: Client<paths>;
}

// Huawei's clients send the URN with its colons raw; openapi-fetch's default serializer would send %3A.
// Everything else is still percent-encoded, so no value can change the path.
const rawColonPathSerializer: PathSerializer = (pathname, params) =>
  pathname.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(params[name])).replace(/%3A/gi, ":"),
  );

function hostFor(region: string): string {
  if (!URN_RULES.region.pattern.test(region)) {
    throw new ValidationError(
      "region",
      `${JSON.stringify(region)} is invalid`,
      `it must be ${URN_RULES.region.rule}`,
    );
  }
  return `https://functiongraph.${region}.myhuaweicloud.com`;
}

export function createFgsClient(options: FgsClientOptions): FgsClient {
  const { projectId } = options;
  if (typeof projectId !== "string" || !URN_RULES.projectId.pattern.test(projectId)) {
    throw new ValidationError(
      "projectId",
      typeof projectId === "string" ? `${JSON.stringify(projectId)} is invalid` : "is missing",
      `it must be ${URN_RULES.projectId.rule}`,
    );
  }
  const hasToken = options.token !== undefined;
  const hasAkSk = options.accessKey !== undefined || options.secretKey !== undefined;
  if (hasToken === hasAkSk) {
    throw new ValidationError(
      "credentials",
      hasToken ? "are given twice (token and accessKey/secretKey)" : "are missing",
      "give either token, or accessKey and secretKey",
    );
  }
  const retry = resolveRetryOptions(options);
  const clock = createSkewedClock(options.clock);
  const region = options.region ?? "cn-north-4";
  const baseUrl = (options.baseUrl ?? hostFor(region)).replace(/\/+$/, "");
  const tokenSource = options.token !== undefined ? createTokenSource(options.token) : undefined;

  const guarded = guardErrorResponses(options.fetch ?? ((...args) => fetch(...args)), {
    secrets: [
      options.secretKey,
      options.securityToken,
      typeof options.token === "string" ? options.token : undefined,
    ],
  });
  const client = createClient<paths>({
    baseUrl,
    fetch: guarded,
    pathSerializer: rawColonPathSerializer,
    headers: tokenSource
      ? { "Content-Type": "application/json" }
      : { "Content-Type": "application/json", "X-Project-Id": projectId },
  });
  client.use(
    tokenSource
      ? huaweiTokenMiddleware(tokenSource)
      : huaweiAkSkMiddleware(
          {
            accessKey: options.accessKey as string,
            secretKey: options.secretKey as string,
            securityToken: options.securityToken,
          },
          { clock: clock.now },
        ),
  );

  return {
    client,
    deleteFunction(functionUrn, { signal, missingOk = false } = {}) {
      try {
        const urn = parseFunctionUrn(functionUrn);
        if (urn.projectId !== projectId) {
          throw new ValidationError(
            "function_urn",
            `names project ${urn.projectId}`,
            `it must belong to the client's project ${projectId}`,
          );
        }
        if (options.baseUrl === undefined && urn.region !== region) {
          throw new ValidationError(
            "function_urn",
            `names region ${urn.region}`,
            `it must be in the client's region ${region}`,
          );
        }
        if (urn.version === "latest") {
          throw new ValidationError(
            "function_urn",
            "names the version latest, which cannot be deleted",
            "pass the 7-field URN to delete the whole function",
          );
        }
      } catch (error) {
        return Promise.reject(error);
      }
      return runIdempotentCall({
        retry,
        signal,
        send: (attemptSignal) =>
          client.DELETE("/v2/{project_id}/fgs/functions/{function_urn}", {
            params: { path: { project_id: projectId, function_urn: functionUrn } },
            fetch: fetchWithSignal(guarded, attemptSignal),
          }),
        toError: toFgsApiError,
        isAlreadyGone: missingOk
          ? (error) => error.status === 404 && ALREADY_GONE_CODES.has(error.code ?? "")
          : undefined,
        // 401: a stale token from a provider is fetched again; a skewed clock (AK/SK) is corrected.
        repair: (response) => {
          if (response.status !== 401) return false;
          if (!tokenSource) return clock.adjustFrom(response);
          tokenSource.invalidate();
          return tokenSource.refreshable;
        },
      });
    },
  };
}

export { FgsApiError };
