import { type Clock, type NcpCredentials, ncpSignatureV2Auth, type SigningCrypto } from "@fnapi/auth";
import {
  assertOptionsObject,
  type CallLogger,
  createClientKit,
  parseBaseUrl,
  type RetryOptions,
  resolveRetryOptions,
} from "@fnapi/runtime";
import type { Client } from "openapi-fetch";
import type { NcfContext } from "./context.js";
import { ncfErrorMapping } from "./errors.js";
import type { paths } from "./generated/ncf.js";
import { type DeleteActionOptions, deleteAction } from "./operations/delete-action.js";
import {
  type CascadeDeleteOptions,
  type CascadeReport,
  type DeletePackageOptions,
  deletePackage,
} from "./operations/delete-package.js";
import { type GetPackageOptions, getPackage, type Package } from "./operations/get-package.js";
import { type ActionSummary, type ListActionsOptions, listActions } from "./operations/list-actions.js";

/** The v2.1 base URLs of specs/ncf.yaml. */
export const NCF_BASE_URLS = {
  korea: "https://cloudfunctions.apigw.ntruss.com/ncf/api/v2",
  singapore: "https://sg-cloudfunctions.apigw.ntruss.com/ncf/api/v2",
  japan: "https://jp-cloudfunctions.apigw.ntruss.com/ncf/api/v2",
} as const;

export interface NcfClientOptions extends RetryOptions, NcpCredentials {
  /** Default: Korea v2.1 (`NCF_BASE_URLS.korea`). Include the `/ncf/api/v2` prefix: it is signed. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Time source for signing. Default `Date.now`; corrected automatically when the gateway shows skew. */
  clock?: Clock;
  /** HMAC implementation for signing. Default: Web Crypto. */
  crypto?: SigningCrypto;
  /** Called once per attempt with method, URL, status, attempt, duration, vendor code and request id. */
  logger?: CallLogger;
}

export interface NcfClient {
  /** Deletes a package. Resolves on any 2xx; otherwise throws `NcfApiError`, `TimeoutError`, `NetworkError`… */
  deletePackage(packageName: string, options?: DeletePackageOptions): Promise<void>;
  /** Deletes a package's actions, then the package (`cascade: true`), and reports what it deleted. */
  deletePackage(packageName: string, options: CascadeDeleteOptions): Promise<CascadeReport>;
  /** The package, with its actions. */
  getPackage(packageName: string, options?: GetPackageOptions): Promise<Package>;
  /** The package's actions (`-`: the actions in no package). */
  listActions(packageName: string, options?: ListActionsOptions): Promise<ActionSummary[]>;
  /** Deletes an action. 500 81313/81314 (the subnet still connecting or disconnecting) are retried. */
  deleteAction(packageName: string, actionName: string, options?: DeleteActionOptions): Promise<void>;
  /** The openapi-fetch client for the spec's paths: signed, redirects refused, error bodies bounded. */
  readonly client: Client<paths>;
}

export function createNcfClient(options: NcfClientOptions): NcfClient {
  assertOptionsObject(options, "createNcfClient");
  const context: NcfContext = {
    kit: createClientKit<paths>({
      baseUrl: parseBaseUrl(options.baseUrl ?? NCF_BASE_URLS.korea),
      auth: ncpSignatureV2Auth(options, { clock: options.clock, crypto: options.crypto }),
      errors: ncfErrorMapping,
      retry: resolveRetryOptions(options),
      fetch: options.fetch,
      logger: options.logger,
    }),
  };
  return {
    client: context.kit.client,
    deletePackage: ((packageName: string, callOptions?: DeletePackageOptions | CascadeDeleteOptions) =>
      deletePackage(context, packageName, callOptions)) as NcfClient["deletePackage"],
    getPackage: (packageName, callOptions) => getPackage(context, packageName, callOptions),
    listActions: (packageName, callOptions) => listActions(context, packageName, callOptions),
    deleteAction: (packageName, actionName, callOptions) =>
      deleteAction(context, packageName, actionName, callOptions),
  };
}
