import { type Clock, type NcpCredentials, ncpSignatureV2Auth, type SigningCrypto } from "@fnapi/auth";
import {
  type CallLogger,
  createClientKit,
  type DeleteResult,
  type RetryOptions,
  ValidationError,
} from "@fnapi/runtime";
import { type BuildPlatform, checkOptions, parseBaseUrl, resolveRetryOptions } from "@fnapi/runtime/internal";
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
import { chooseApi, NCF_V3_BASE_URLS, type NcfApi } from "./v3/choose-api.js";
import { createNcfV3Client, type NcfV3Client } from "./v3/create-v3-client.js";
import { guardZone, type NcfZone, resolveZone, stripPlatform } from "./zones.js";

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

/**
 * A region of NCF: a key of `NCF_BASE_URLS`. `finance` and `government` are NAVER's other zones (record 0010):
 * choosing one of them as the region also applies that zone's rules.
 */
export type NcfRegion = keyof typeof NCF_BASE_URLS;

/** The options of `createNcfClient` besides credentials. */
export interface NcfClientCommonOptions extends RetryOptions {
  /**
   * The region, as FunctionGraph's client takes one: `korea` (default), `singapore`, `japan`, or one of
   * NAVER's other zones, `finance` (VPC only) or `government` (v2.0, Classic only), whose rules then apply.
   */
  region?: NcfRegion;
  /**
   * Overrides the URL built from `region` (proxies, mocks, the emulator). Include the `/ncf/api/v2` prefix:
   * it is signed.
   */
  baseUrl?: string;
  /** The `fetch` to send with. Default: the global one. */
  fetch?: typeof fetch;
  /** Time source for signing. Default `Date.now`; corrected automatically when the gateway shows skew. */
  clock?: Clock;
  /** HMAC implementation for signing. Default: node:crypto on Node, Deno and Bun; Web Crypto elsewhere. */
  crypto?: SigningCrypto;
  /** Called once per attempt with method, URL, status, attempt, duration, vendor code and request id. */
  logger?: CallLogger;
  /**
   * The zone's rules, for a `baseUrl` whose host does not tell them (a proxy, a mock, the emulator). Default:
   * from the host of `baseUrl`, else from `region` (`finance` and `government` are zones; the others are
   * `standard`). In the `finance` (VPC only) and `government` (Classic only) zones `platform` is never sent,
   * and a `platform` option the zone does not have is a `ValidationError`. A `zone` that contradicts
   * `region` or the host of `baseUrl` is a `ValidationError`.
   */
  zone?: NcfZone;
  /**
   * The API: `v3` (Cloud Functions API v3) or `v2.1` (the legacy API; v2.0 in the government zone). Default:
   * from the prefix of `baseUrl` (`/api/v3` is v3, anything else the v2 family), else v3 in the public
   * regions and the zone's own API in the financial and government zones (record 0016).
   */
  api?: NcfApi;
}

/**
 * Options of `createNcfClient`: `accessKey` and `secretKey` together, or neither (then, on Node, Deno and
 * Bun, the vendor's credential chain is asked).
 */
export type NcfClientOptions = NcfClientCommonOptions &
  (NcpCredentials | { accessKey?: never; secretKey?: never });

/** A client for NAVER Cloud Functions: `createNcfClient(options)`, on API v3 or v2.1. */
export type NcfClient<A extends NcfApi = NcfApi> = A extends "v3" ? NcfV3Client : NcfV21Client;

/** A client on the legacy API v2.1 (v2.0 in the government zone). */
export interface NcfV21Client extends NcfOperations {
  /** The API this client speaks (v2.0 in the government zone is the same family). */
  readonly api: "v2.1";
  /**
   * The openapi-fetch client for the spec's paths, through the same pipeline as the operations: signed,
   * timed out, retried (idempotent methods), redirects refused, bodies bounded, secrets redacted.
   */
  readonly client: Client<paths>;
}

/** The operations both APIs have, with the same names and result shapes. */
export interface NcfOperations {
  /**
   * Deletes a package. Resolves on any 2xx (or, with `missingOk`, when it is already gone) to what happened;
   * otherwise throws `NcfApiError`, `TimeoutError`, `NetworkError`…
   */
  deletePackage(packageName: string, options?: DeletePackageOptions): Promise<DeleteResult>;
  /** Deletes a package's actions, then the package (`cascade: true`), and reports what it deleted. */
  deletePackage(packageName: string, options: CascadeDeleteOptions): Promise<CascadeReport>;
  /** The package, with its actions. */
  getPackage(packageName: string, options?: GetPackageOptions): Promise<Package>;
  /** The package's actions (`-`: the actions in no package). */
  listActions(packageName: string, options?: ListActionsOptions): Promise<ActionSummary[]>;
  /** Deletes an action. 500 81313/81314 (the subnet still connecting or disconnecting) are retried. */
  deleteAction(packageName: string, actionName: string, options?: DeleteActionOptions): Promise<DeleteResult>;
  /** Every package of the platform (name and description; the API does not page it). */
  listPackages(options?: ListPackagesOptions): Promise<PackageSummary[]>;
}

/** The NCF build platform: its credential chain finds an NCP key pair. */
export type NcfPlatform = BuildPlatform<NcpCredentials>;

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

function region(value: unknown): NcfRegion {
  if (value === undefined) return "korea";
  if (typeof value === "string" && Object.hasOwn(NCF_BASE_URLS, value)) return value as NcfRegion;
  throw new ValidationError(
    "region",
    typeof value === "string" ? `${JSON.stringify(value.slice(0, 40))} is unknown` : `is ${typeof value}`,
    `it must be one of ${Object.keys(NCF_BASE_URLS).join(", ")} (or give baseUrl)`,
  );
}

/** The zone a region is in: `finance` and `government` are zones of their own. */
const zoneOf = (name: NcfRegion): NcfZone =>
  name === "finance" || name === "government" ? name : "standard";

export function createNcfClientOn<A extends NcfApi = NcfApi>(
  platform: NcfPlatform,
  options: NcfClientOptions & { api?: A } = {},
): NcfClient<A> {
  checkOptions(options, "createNcfClient", {
    region: "string",
    baseUrl: "string",
    fetch: "function",
    clock: "function",
    crypto: "object",
    logger: "function",
    zone: "string",
    api: "string",
  });
  const credentials = credentialsFrom(options, platform);
  // The region gives the URL; a zone alone (no region, no baseUrl) gives its own zone's URL.
  const explicitZone = options.zone;
  const chosen =
    options.region === undefined && (explicitZone === "finance" || explicitZone === "government")
      ? explicitZone
      : region(options.region);
  if (
    options.region !== undefined &&
    options.baseUrl === undefined &&
    explicitZone !== undefined &&
    explicitZone !== zoneOf(chosen)
  ) {
    throw new ValidationError(
      "zone",
      `is ${JSON.stringify(String(explicitZone).slice(0, 40))} but region ${chosen} is in the ${zoneOf(chosen)} zone`,
      "leave zone out (the region tells it), or give the zone's region",
    );
  }
  const givenUrl = options.baseUrl === undefined ? undefined : parseBaseUrl(options.baseUrl);
  const zone = resolveZone(
    givenUrl ?? NCF_BASE_URLS[chosen],
    explicitZone ?? (options.baseUrl ? undefined : zoneOf(chosen)),
  );
  const api = chooseApi(options.api, givenUrl, chosen, zone);
  const parts = {
    auth: ncpSignatureV2Auth(credentials, {
      clock: options.clock,
      crypto: options.crypto ?? platform.crypto,
    }),
    retry: resolveRetryOptions(options),
    fetch: options.fetch,
    logger: options.logger,
  };
  if (api === "v3") {
    const v3Url = givenUrl ?? NCF_V3_BASE_URLS[chosen as keyof typeof NCF_V3_BASE_URLS];
    return createNcfV3Client({ ...parts, baseUrl: v3Url }) as NcfClient<A>;
  }
  const baseUrl = givenUrl ?? parseBaseUrl(NCF_BASE_URLS[chosen]);
  const context: NcfContext = {
    kit: createClientKit<paths>({ ...parts, baseUrl, errors: ncfErrorMapping }),
  };
  // In the financial and government zones `platform` is never sent, not even through `client`.
  if (zone !== "standard") context.kit.client.use(stripPlatform);
  return guardZone<NcfV21Client>(
    {
      api: "v2.1",
      client: context.kit.client,
      deletePackage: ((packageName: string, callOptions?: DeletePackageOptions | CascadeDeleteOptions) =>
        deletePackage(context, packageName, callOptions)) as NcfOperations["deletePackage"],
      getPackage: (packageName, callOptions) => getPackage(context, packageName, callOptions),
      listActions: (packageName, callOptions) => listActions(context, packageName, callOptions),
      deleteAction: (packageName, actionName, callOptions) =>
        deleteAction(context, packageName, actionName, callOptions),
      listPackages: (callOptions) => listPackages(context, callOptions),
    },
    zone,
  ) as NcfClient<A>;
}
