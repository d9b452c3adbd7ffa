import {
  type Clock,
  type CredentialsProvider,
  type NcpCredentials,
  ncpSignatureV2Auth,
  type RenewingCredentials,
  type SigningCrypto,
} from "@fnapi/auth";
import type { RenewalRule } from "@fnapi/auth/credentials";
import { type CallLogger, createClientCore, type RetryOptions, ValidationError } from "@fnapi/runtime";
import {
  type BuildTarget,
  type ClientHandle,
  checkOptions,
  parseBaseUrl,
  quoteValue,
  resolveRetryOptions,
  withCore,
} from "@fnapi/runtime/internal";
import { ncfErrorMapping } from "./errors.js";
import { type NcfZone, resolveZone, zoneRule } from "./zones.js";

// An NCF client's settings, without any operation: what every operation (`deletePackage(ncf, …)`) takes. A
// program that calls one operation bundles that operation and this, nothing else.

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
   * NAVER's other zones, `finance` (VPC only) or `government` (v2.0, Classic only), whose rules then apply —
   * with a `baseUrl` too (a proxy in front of the zone).
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
   * from the host of `baseUrl` (lower case, a trailing dot ignored), else from `region` (`finance` and
   * `government` are zones; the others are `standard`). In the `finance` (VPC only) and `government`
   * (Classic only) zones `platform` is never sent, and a platform the zone does not have is a
   * `ValidationError` before anything is sent. A `zone` that contradicts `region` or the host of `baseUrl`
   * is a `ValidationError`.
   */
  zone?: NcfZone;
  /**
   * `createNcfClient`'s API: `v3` (Cloud Functions API v3) or `v2.1` (the legacy API; v2.0 in the government
   * zone). Default: from the prefix of `baseUrl` (`/api/v3` is v3, any other path the v2 family), else v3 in
   * the public regions and the zone's own API in the financial and government zones (record 0016).
   * `createNcf` is always v2.1 and `createNcfV3` always v3.
   */
  api?: "v3" | "v2.1";
  /** When a credentials provider's keys are renewed. Default NAVER's: from 15 minutes before expiry. */
  renewal?: RenewalRule;
}

/**
 * Options of `createNcfClient`: `accessKey` and `secretKey` together, or `credentials` (keys that expire, e.g.
 * a Server Role's: a provider, cached, renewed from 15 minutes before expiry, once after a 401), or neither
 * (then, on Node, Deno and Bun, the vendor's credential chain is asked). `createNcf` in the web build takes
 * a provider as `renewingCredentials(provider, { renewal: NCP_RENEWAL })` from `@fnapi/auth/credentials`,
 * so that a program with fixed keys bundles no renewal cache.
 */
export type NcfClientOptions = NcfClientCommonOptions &
  (
    | (NcpCredentials & { credentials?: never })
    | { credentials: CredentialsProvider | RenewingCredentials; accessKey?: never; secretKey?: never }
    | { accessKey?: never; secretKey?: never; credentials?: never }
  );

/** An NCF client without methods: give it to the standalone operations (`deletePackage(ncf, name)`). */
export interface Ncf extends ClientHandle {
  /** The zone whose rules apply. */
  readonly zone: NcfZone;
}

/** The NCF build target: its credential chain finds an NCP key pair, or a provider (a Server Role). */
export interface NcfBuild extends BuildTarget<NcpCredentials | CredentialsProvider> {
  /**
   * Takes the `credentials` option, or a provider the chain found, and gives renewing credentials
   * (`createNcfClient`, and the server build's `createNcf`: renewing.ts). Without it (`createNcf` in a browser)
   * `credentials` must be `renewingCredentials(provider)`, so that its bundle holds no renewal cache.
   */
  renewing?: ((given: unknown, options: NcfClientOptions) => RenewingCredentials) | undefined;
}

/**
 * Explicit options always win; the credential chain is asked only when no credential option is given. Without
 * the `renewing` hook (`createNcf` in a browser) `credentials` is taken as renewing credentials as it is: the
 * signer then refuses anything else by name (`accessKey is missing`) before any byte is sent.
 */
export function credentialsFrom(
  options: NcfClientOptions,
  build: NcfBuild,
): NcpCredentials | RenewingCredentials {
  const given = options.credentials as RenewingCredentials | undefined;
  if (given !== undefined && build.renewing) return build.renewing(given, options);
  if (given !== undefined || options.accessKey !== undefined || options.secretKey !== undefined) {
    return given ?? { accessKey: options.accessKey as string, secretKey: options.secretKey as string };
  }
  if (!build.findCredentials) {
    throw new ValidationError(
      "credentials",
      "are missing",
      "give accessKey and secretKey (in a browser or a worker they are never looked up)",
    );
  }
  const found = build.findCredentials();
  return typeof found === "function"
    ? (build.renewing as NonNullable<NcfBuild["renewing"]>)(found, options)
    : { accessKey: found.accessKey, secretKey: found.secretKey };
}

/** NCP signature v2 with fixed keys, or with the current keys of renewing credentials (v2.1 and v3 alike). */
export function authFor(
  credentials: NcpCredentials | RenewingCredentials,
  options: { clock: Clock | undefined; crypto: SigningCrypto | undefined },
) {
  return (
    (credentials as Partial<RenewingCredentials>).auth?.((keys) => ncpSignatureV2Auth(keys, options)) ??
    ncpSignatureV2Auth(credentials as NcpCredentials, options)
  );
}

/** The region named (default `korea`); its kind was checked with the other options. */
export function region(value: string | undefined): NcfRegion {
  if (value === undefined) return "korea";
  if (Object.hasOwn(NCF_BASE_URLS, value)) return value as NcfRegion;
  throw new ValidationError(
    "region",
    `${quoteValue(value)} is unknown`,
    `it must be one of ${Object.keys(NCF_BASE_URLS).join(", ")} (or give baseUrl)`,
  );
}

/** The zone a region is in: `finance` and `government` are zones of their own. */
const zoneOf = (name: NcfRegion): NcfZone =>
  name === "finance" || name === "government" ? name : "standard";

/** An NCF client's settings for one build (web or server). */
export function createNcfOn(build: NcfBuild, options: NcfClientOptions = {}): Ncf {
  checkOptions(options, "createNcfClient", {
    region: "string",
    baseUrl: "string",
    fetch: "function",
    clock: "function",
    crypto: "object",
    logger: "function",
    zone: "string",
  });
  const credentials = credentialsFrom(options, build);
  const { zone: given, region: named, baseUrl: url } = options;
  // The region gives the URL; a zone alone (no region, no baseUrl) gives its own zone's URL.
  const chosen =
    named === undefined && (given === "finance" || given === "government") ? given : region(named);
  const baseUrl = parseBaseUrl(url ?? NCF_BASE_URLS[chosen]);
  // The zone claimed is `zone`, else the region's when one is named; the URL's (its host's, or its region's
  // when it comes from the table) must agree.
  const zone =
    given !== undefined
      ? resolveZone(
          baseUrl,
          url === undefined,
          given,
          "zone",
          url === undefined ? `region ${chosen}` : "baseUrl",
        )
      : resolveZone(baseUrl, url === undefined, named === undefined ? undefined : zoneOf(chosen), "region");
  const core = createClientCore({
    baseUrl,
    auth: authFor(credentials, { clock: options.clock, crypto: options.crypto ?? build.crypto }),
    errors: ncfErrorMapping,
    retry: resolveRetryOptions(options),
    fetch: options.fetch,
    logger: options.logger,
    prepare: zoneRule(zone),
  });
  return withCore({ zone }, core);
}
