import { findHuaweiProjectId } from "@fnapi/auth/server";
import { createFgsClient, type FgsClient } from "@fnapi/fgs-client";
import {
  createNcfClient,
  NCF_BASE_URLS,
  NCF_ZONE_HOSTS,
  type NcfApi,
  type NcfClient,
  type NcfZone,
} from "@fnapi/ncf-client";
import type { Invocation } from "./command.js";
import { dryRunFetch, type PlannedRequest } from "./dry-run-fetch.js";
import { UsageError } from "./errors.js";
import { homeOf, huaweiKeys, ncpKeys } from "./keyless.js";
import { text } from "./text.js";
import { parseTimeout } from "./timeout-flag.js";
import { verboseLogger } from "./verbose-log.js";

// The clients, made from the global flags. No credential is ever taken from a flag: they are found where the
// vendors' tools keep them (the invocation's environment, then the vendor's file under its home), and when
// none are found the finder throws a ValidationError saying where it looked (exit code 2). Creating a client
// sends nothing.

export interface Connection<Client> {
  client: Client;
  /** With --dry-run: the requests the client would have sent. */
  planned: PlannedRequest[] | undefined;
}

type NcfRegion = keyof typeof NCF_BASE_URLS;

/** The variables that give --base-url its default, so that scripts set it once. */
export const BASE_URL_VARIABLES = { ncf: "FNAPI_NCF_BASE_URL", fgs: "FNAPI_FGS_BASE_URL" } as const;

function common(invocation: Invocation, cloud: "ncf" | "fgs") {
  const { flags, command, out } = invocation;
  const dryRun = flags["dry-run"] === true;
  const planned = dryRun ? ([] as PlannedRequest[]) : undefined;
  // A dry run's attempts are answered by dryRunFetch: logging them as answers would mislead.

  const timeoutMs = parseTimeout(flags.timeout, command.name);
  const variable = BASE_URL_VARIABLES[cloud];
  const fromEnv = invocation.env[variable];
  const baseUrl =
    flags["base-url"] !== undefined
      ? checkBaseUrl(flags["base-url"], command.name)
      : fromEnv
        ? checkBaseUrl(fromEnv, command.name, variable)
        : undefined;
  const options = {
    ...(out.verbose && !dryRun ? { logger: verboseLogger((line) => out.note(line)) } : {}),
    fetch: planned ? dryRunFetch(planned) : invocation.fetch,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  };
  return { planned, options, baseUrl };
}

/**
 * --base-url, checked before the clients see it, so that no message ever quotes a URL's credentials: a URL
 * with `user:password@` is refused without being quoted, and any other bad URL is quoted without its userinfo.
 */
export function checkBaseUrl(
  value: string | undefined,
  command: string,
  /** Where the value came from, as the user knows it: the flag, or a variable's name. */
  source = "--base-url",
): string | undefined {
  if (value === undefined) return undefined;
  const hint = "it must be an http(s) URL such as https://cloudfunctions.apigw.ntruss.com/ncf/api/v2";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(text`${source} ${withoutUserinfo(value)} is not an absolute URL; ${hint}`, command);
  }
  if (url.username !== "" || url.password !== "" || /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(value)) {
    throw new UsageError(
      text`${source} holds credentials (user:password@ before the host), which fnapi never sends or prints; give the URL without them (credentials come from the environment, see fnapi --help)`,
      command,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(text`${source} has the scheme ${url.protocol}; ${hint}`, command);
  }
  return value;
}

/** `value` with anything between `//` and the first `@` of its authority cut out. */
export function withoutUserinfo(value: string): string {
  return value.replace(/^([^/?#]*\/\/)[^/?#]*@/, "$1…@");
}

export function ncfConnection(
  invocation: Invocation,
  /** What a command sets itself (none does today: prune runs on the client's own retry strategy). */
  extra: { maxAttempts?: number } = {},
): Connection<NcfClient> {
  const { flags } = invocation;
  const { planned, options, baseUrl } = common(invocation, "ncf");
  const zone = ncfZone(invocation);
  // The client applies the zone's rules (one place, ncf-client) and picks the API (record 0016): --api, else
  // the prefix of --base-url, else v3 (v2.0/v2.1 in the financial and government zones).
  const client = createNcfClient({
    ...options,
    ...extra,
    ...ncpKeys(invocation, planned !== undefined),
    ...(flags.region !== undefined ? { region: flags.region as NcfRegion } : {}),
    ...(flags.api !== undefined ? { api: flags.api as NcfApi } : {}),
    ...(baseUrl !== undefined ? { baseUrl } : {}),
    ...(zone !== undefined && (baseUrl !== undefined || flags.region === undefined) ? { zone } : {}),
  }) as NcfClient;
  return { client, planned };
}

/**
 * The zone a command means: --zone, else the zone of --region (finance and government are zones of their
 * own, and keep their rules under --base-url), else the zone of the base URL's host; undefined: standard.
 */
export function ncfZone(invocation: Invocation): NcfZone | undefined {
  const { flags, command } = invocation;
  const regions = Object.keys(NCF_BASE_URLS);
  if (flags.region !== undefined && !regions.includes(flags.region)) {
    throw new UsageError(
      text`--region is "${flags.region}"; for ncf it must be ${regions.join(", ")}`,
      command.name,
    );
  }
  const zones = ["standard", "finance", "government"];
  if (flags.zone !== undefined && !zones.includes(flags.zone)) {
    throw new UsageError(text`--zone is "${flags.zone}"; it must be ${zones.join(", ")}`, command.name);
  }
  const byRegion =
    flags.region === undefined
      ? undefined
      : flags.region === "finance" || flags.region === "government"
        ? flags.region
        : "standard";
  if (flags.zone !== undefined && byRegion !== undefined && flags.zone !== byRegion) {
    throw new UsageError(
      text`--zone ${flags.zone} and --region ${flags.region} disagree (that region is in the ${byRegion} zone); give one of them`,
      command.name,
    );
  }
  if (flags.zone !== undefined) return flags.zone as NcfZone;
  if (byRegion !== undefined) return byRegion;
  const url = flags["base-url"] ?? invocation.env[BASE_URL_VARIABLES.ncf];
  if (url === undefined) return undefined;
  try {
    const host = new URL(url).host;
    if (host === NCF_ZONE_HOSTS.finance) return "finance";
    if (host === NCF_ZONE_HOSTS.government) return "government";
  } catch {}
  return undefined;
}

/** The platform a command sends: --platform, else vpc (the clients' default), else none in a zone without one. */
export function platformSent(invocation: Invocation): string | undefined {
  const zone = ncfZone(invocation);
  // In a zone a --platform given is passed on as given: the client refuses one the zone does not have.
  if (zone === "finance" || zone === "government") return invocation.flags.platform;
  return invocation.flags.platform ?? "vpc";
}

/** What a command says of the platform it sends: the platform, or that the zone takes none. */
export function platformLabel(invocation: Invocation): string {
  const zone = ncfZone(invocation);
  return platformSent(invocation) ?? `no platform: the ${zone} zone takes none`;
}

export function fgsConnection(
  invocation: Invocation,
  /** What a command sets itself (none does today: prune runs on the client's own retry strategy). */
  extra: { maxAttempts?: number } = {},
): Connection<FgsClient> {
  const { flags } = invocation;
  const { planned, options, baseUrl } = common(invocation, "fgs");
  const sources = { env: invocation.env, ...homeOf(invocation) };
  const { keys, projectId: foundProject } = huaweiKeys(invocation, planned !== undefined);
  const projectId = flags["project-id"] ?? foundProject ?? findHuaweiProjectId(sources);
  const client = createFgsClient({
    ...options,
    ...extra,
    ...keys,
    ...(projectId !== undefined ? { projectId } : {}),
    ...(baseUrl !== undefined ? { baseUrl } : {}),
    ...(flags.region !== undefined ? { region: flags.region } : {}),
  });
  return { client, planned };
}
