import {
  type Clock,
  createSkewedClock,
  fetchWithSignal,
  guardErrorResponses,
  ncpSignatureMiddleware,
  type RetryOptions,
  resolveRetryOptions,
  runIdempotentCall,
} from "@fnapi/auth";
import createClient, { type Client } from "openapi-fetch";
import { NcfApiError, toNcfApiError } from "./errors.js";
import type { paths } from "./generated/ncf.js";
import { assertPackageName, assertPlatform, type Platform } from "./package-name.js";

/** The v2.1 base URLs of specs/ncf.yaml. */
export const NCF_BASE_URLS = {
  korea: "https://cloudfunctions.apigw.ntruss.com/ncf/api/v2",
  singapore: "https://sg-cloudfunctions.apigw.ntruss.com/ncf/api/v2",
  japan: "https://jp-cloudfunctions.apigw.ntruss.com/ncf/api/v2",
} as const;

export interface NcfClientOptions extends RetryOptions {
  accessKey: string;
  secretKey: string;
  /** Default: Korea v2.1 (`NCF_BASE_URLS.korea`). Include the `/ncf/api/v2` prefix: it is signed. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Time source for signing. Default `Date.now`; corrected automatically when the gateway shows skew. */
  clock?: Clock;
}

export interface DeletePackageOptions {
  /** Default `vpc`, and always sent: v2.0 defaulted to `classic`, so an explicit value is the safe one. */
  platform?: Platform;
  signal?: AbortSignal;
  /** Resolve when the package is already gone (`404`/`80101`): the safe way to delete after a retried 5xx. */
  missingOk?: boolean;
}

export interface NcfClient {
  /** Deletes a package. Resolves on any 2xx; otherwise throws `NcfApiError`, `TimeoutError` or `NetworkError`. */
  deletePackage(packageName: string, options?: DeletePackageOptions): Promise<void>;
  /** The openapi-fetch client for the spec's paths, with signing installed. */
  readonly client: Client<paths>;
}

export function createNcfClient(options: NcfClientOptions): NcfClient {
  const retry = resolveRetryOptions(options);
  const clock = createSkewedClock(options.clock);
  const baseUrl = (options.baseUrl ?? NCF_BASE_URLS.korea).replace(/\/+$/, "");
  const guarded = guardErrorResponses(options.fetch ?? ((...a) => fetch(...a)), {
    secrets: [options.secretKey],
  });
  const client = createClient<paths>({
    baseUrl,
    fetch: guarded,
  });
  client.use(ncpSignatureMiddleware(options, { clock: clock.now }));

  return {
    client,
    deletePackage(packageName, { platform = "vpc", signal, missingOk = false } = {}) {
      try {
        assertPackageName(packageName);
        assertPlatform(platform);
      } catch (error) {
        return Promise.reject(error);
      }
      return runIdempotentCall({
        retry,
        signal,
        send: (attemptSignal) =>
          client.DELETE("/packages/{packageName}", {
            params: { path: { packageName }, query: { platform } },
            fetch: fetchWithSignal(guarded, attemptSignal),
          }),
        toError: toNcfApiError,
        isAlreadyGone: missingOk ? (error) => error.status === 404 && error.code === "80101" : undefined,
        // An expired-looking signature (401) with a skewed Date header: adopt the server's time, sign again.
        repair: (response) => response.status === 401 && clock.adjustFrom(response),
      });
    },
  };
}

export { NcfApiError };
