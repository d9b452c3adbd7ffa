import { type Clock, type NcpCredentials, ncpSignatureV2Auth, type SigningCrypto } from "@fnapi/auth";
import {
  assertOptionsObject,
  type CallLogger,
  createClientKit,
  parseBaseUrl,
  type RetryOptions,
  resolveRetryOptions,
  ValidationError,
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
import { type ListPackagesOptions, listPackages, type PackageSummary } from "./operations/list-packages.js";
import { guardZone, type NcfZone, resolveZone, zoneKit } from "./zones.js";

/** The v2.1 base URLs of specs/ncf.yaml. */
export const NCF_BASE_URLS = {
  korea: "https://cloudfunctions.apigw.ntruss.com/ncf/api/v2",
  singapore: "https://sg-cloudfunctions.apigw.ntruss.com/ncf/api/v2",
  japan: "https://jp-cloudfunctions.apigw.ntruss.com/ncf/api/v2",
  /** The financial zone: VPC only, no `platform` parameter (the path prefix is unconfirmed; record 0010). */
  finance: "https://cloudfunctions.apigw.fin-ntruss.com/api/v2",
  /** The government zone: the v2.0 API, Classic only, no `platform` parameter. */
  government: "https://cloudfunctions.apigw.gov-ntruss.com/api/v2",
} as const;

interface CommonOptions extends RetryOptions {
  /** Default: Korea v2.1 (`NCF_BASE_URLS.korea`). Include the `/ncf/api/v2` prefix: it is signed. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Time source for signing. Default `Date.now`; corrected automatically when the gateway shows skew. */
  clock?: Clock;
  /** HMAC implementation for signing. Default: node:crypto on Node, Deno and Bun; Web Crypto elsewhere. */
  crypto?: SigningCrypto;
  /** Called once per attempt with method, URL, status, attempt, duration, vendor code and request id. */
  logger?: CallLogger;
  /**
   * The zone, when `baseUrl` does not tell it (a proxy, a mock). Default: from the host of `baseUrl`. In the
   * `finance` (VPC only) and `government` (Classic only) zones `platform` is never sent, and a `platform`
   * option the zone does not have is a `ValidationError`. With no `baseUrl`, the zone's own URL is used.
   */
  zone?: NcfZone;
}

/**
 * Options of `createNcfClient`: `accessKey` and `secretKey` together, or neither (then, on Node, Deno and
 * Bun, the vendor's credential chain is asked).
 */
export type NcfClientOptions = CommonOptions & (NcpCredentials | { accessKey?: never; secretKey?: never });

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
  /** Every package of the platform (name and description; the API does not page it). */
  listPackages(options?: ListPackagesOptions): Promise<PackageSummary[]>;
  /** The openapi-fetch client for the spec's paths: signed, redirects refused, error bodies bounded. */
  readonly client: Client<paths>;
}

/** What differs between the server build (Node, Deno, Bun) and the web build (browsers, workers). */
export interface NcfPlatform {
  crypto: SigningCrypto;
  /** The vendor's credential chain; absent in the web build, where credentials are never looked up. */
  findCredentials?: (() => NcpCredentials) | undefined;
}

/** Explicit options always win; the credential chain is asked only when neither key is given. */
function credentialsFrom(options: NcfClientOptions, platform: NcfPlatform): NcpCredentials {
  if (options.accessKey !== undefined || options.secretKey !== undefined) {
    return { accessKey: options.accessKey as string, secretKey: options.secretKey as string };
  }
  if (!platform.findCredentials) {
    throw new ValidationError(
      "credentials",
      "are missing",
      "give accessKey and secretKey (in a browser or a worker they are never looked up)",
    );
  }
  const { accessKey, secretKey } = platform.findCredentials();
  return { accessKey, secretKey };
}

export function createNcfClientOn(platform: NcfPlatform, options: NcfClientOptions = {}): NcfClient {
  assertOptionsObject(options, "createNcfClient");
  const credentials = credentialsFrom(options, platform);
  const zoneDefault = options.zone === "finance" || options.zone === "government" ? options.zone : "korea";
  const baseUrl = parseBaseUrl(options.baseUrl ?? NCF_BASE_URLS[zoneDefault]);
  const zone = resolveZone(baseUrl, options.zone);
  const context: NcfContext = {
    kit: createClientKit<paths>({
      baseUrl,
      auth: ncpSignatureV2Auth(credentials, {
        clock: options.clock,
        crypto: options.crypto ?? platform.crypto,
      }),
      errors: ncfErrorMapping,
      retry: resolveRetryOptions(options),
      fetch: options.fetch,
      logger: options.logger,
    }),
  };
  context.kit = zoneKit(context.kit, zone);
  return guardZone<NcfClient>(
    {
      client: context.kit.client,
      deletePackage: ((packageName: string, callOptions?: DeletePackageOptions | CascadeDeleteOptions) =>
        deletePackage(context, packageName, callOptions)) as NcfClient["deletePackage"],
      getPackage: (packageName, callOptions) => getPackage(context, packageName, callOptions),
      listActions: (packageName, callOptions) => listActions(context, packageName, callOptions),
      deleteAction: (packageName, actionName, callOptions) =>
        deleteAction(context, packageName, actionName, callOptions),
      listPackages: (callOptions) => listPackages(context, callOptions),
    },
    zone,
  );
}
