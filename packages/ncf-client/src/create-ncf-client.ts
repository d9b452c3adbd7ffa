import {
  type Clock,
  type CredentialsProvider,
  type NcpCredentials,
  ncpSignatureV2Auth,
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
  /** When a credentials provider's keys are renewed. Default NAVER's: from 15 minutes before expiry. */
  renewal?: RenewalRule;
}

/**
 * Options of `createNcfClient`: `accessKey` and `secretKey` together, or a `credentials` provider (keys that
 * expire, e.g. a Server Role's: cached, renewed from 15 minutes before expiry, once after a 401), or neither
 * (then, on Node, Deno and Bun, the vendor's credential chain is asked).
 */
export type NcfClientOptions = NcfClientCommonOptions &
  (
    | (NcpCredentials & { credentials?: never })
    | { credentials: CredentialsProvider; accessKey?: never; secretKey?: never }
    | { accessKey?: never; secretKey?: never; credentials?: never }
  );

/** A client for NAVER Cloud Functions: `createNcfClient(options)`. */
export interface NcfClient {
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
  /**
   * The openapi-fetch client for the spec's paths, through the same pipeline as the operations: signed,
   * timed out, retried (idempotent methods), redirects refused, bodies bounded, secrets redacted.
   */
  readonly client: Client<paths>;
}

/** The NCF build platform: its credential chain finds an NCP key pair, or a provider (a Server Role). */
export type NcfPlatform = BuildPlatform<NcpCredentials | CredentialsProvider>;

/** Explicit options always win; the credential chain is asked only when neither key is given. */
function credentialsFrom(
  options: NcfClientOptions,
  platform: NcfPlatform,
): NcpCredentials | CredentialsProvider {
  const hasKeys = options.accessKey !== undefined || options.secretKey !== undefined;
  if (options.credentials !== undefined) {
    if (hasKeys) {
      throw new ValidationError(
        "credentials",
        "are given twice (accessKey/secretKey and credentials)",
        "give either accessKey and secretKey, or a credentials provider",
      );
    }
    return options.credentials;
  }
  if (hasKeys) {
    return { accessKey: options.accessKey as string, secretKey: options.secretKey as string };
  }
  if (!platform.findCredentials) {
    throw new ValidationError(
      "credentials",
      "are missing",
      "give accessKey and secretKey (in a browser or a worker they are never looked up)",
    );
  }
  const found = platform.findCredentials();
  return typeof found === "function" ? found : { accessKey: found.accessKey, secretKey: found.secretKey };
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

export function createNcfClientOn(platform: NcfPlatform, options: NcfClientOptions = {}): NcfClient {
  checkOptions(options, "createNcfClient", {
    region: "string",
    baseUrl: "string",
    fetch: "function",
    clock: "function",
    crypto: "object",
    logger: "function",
    zone: "string",
    credentials: "function",
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
  const baseUrl = parseBaseUrl(options.baseUrl ?? NCF_BASE_URLS[chosen]);
  const zone = resolveZone(baseUrl, explicitZone ?? (options.baseUrl ? undefined : zoneOf(chosen)));
  const context: NcfContext = {
    kit: createClientKit<paths>({
      baseUrl,
      auth: ncpSignatureV2Auth(credentials, {
        clock: options.clock,
        crypto: options.crypto ?? platform.crypto,
        renewal: options.renewal,
      }),
      errors: ncfErrorMapping,
      retry: resolveRetryOptions(options),
      fetch: options.fetch,
      logger: options.logger,
    }),
  };
  // In the financial and government zones `platform` is never sent, not even through `client`.
  if (zone !== "standard") context.kit.client.use(stripPlatform);
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
