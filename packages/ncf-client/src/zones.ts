import { type OutgoingRequest, ValidationError } from "@fnapi/runtime";
import { quoteValue } from "@fnapi/runtime/internal";
import type { Platform } from "./package-name.js";

// NAVER Cloud's other zones (record 0010). The financial zone is VPC only and the government zone Classic only
// (v2.0 at /api/v2); neither takes a `platform` parameter. The zone rule lives here, once, and runs on every
// request a client sends (an operation's or the typed client's) before any byte goes out: a platform the zone
// does not have is a ValidationError; the one it has is left out of the query.

/** `standard`: the public regions (Korea, Singapore, Japan), where `platform` is sent. */
export type NcfZone = "standard" | "finance" | "government";

/** The hosts of NAVER's financial and government zones (a base URL on one of them applies its rules). */
export const NCF_ZONE_HOSTS = {
  finance: "cloudfunctions.apigw.fin-ntruss.com",
  government: "cloudfunctions.apigw.gov-ntruss.com",
} as const;

/** The one platform each zone has. */
const ZONE_PLATFORM = { finance: "vpc", government: "classic" } as const;

/** The path of the government zone's API (v2.0): exactly this, nothing longer (`/api/v20`, `/api/v2x`). */
const GOVERNMENT_PATH = "/api/v2";

/** A base URL's host and path, normalised once: lower case, no trailing dot, no trailing slash. */
export function normaliseBaseUrl(baseUrl: string): { host: string; path: string } {
  const url = new URL(baseUrl);
  return {
    host: url.host.toLowerCase().replace(/\.(?=:\d+$|$)/, ""),
    path: url.pathname.replace(/\/+$/, ""),
  };
}

const isZone = (value: unknown): value is NcfZone =>
  value === "standard" || value === "finance" || value === "government";

/**
 * The zone of a base URL: from its host when that is a zone's host, else the zone given (`zone`, or the one
 * `region` is in — a proxy in front of the government zone keeps its rules), else `standard`. A zone that
 * contradicts the host is a ValidationError naming `field`.
 */
export function resolveZone(baseUrl: string, given: unknown, field: "zone" | "region" = "zone"): NcfZone {
  if (given !== undefined && !isZone(given)) {
    throw new ValidationError(
      "zone",
      `is ${quoteValue(String(given))}`,
      'it must be "standard", "finance" or "government"',
    );
  }
  const { host, path } = normaliseBaseUrl(baseUrl);
  const byHost: NcfZone | undefined =
    host === NCF_ZONE_HOSTS.finance
      ? "finance"
      : host === NCF_ZONE_HOSTS.government
        ? "government"
        : undefined;
  if (given !== undefined && byHost !== undefined && given !== byHost) {
    throw new ValidationError(
      field,
      field === "zone"
        ? `is ${quoteValue(given)} but baseUrl is the ${byHost} zone's host`
        : `is in the ${given} zone but baseUrl is the ${byHost} zone's host`,
      `leave ${field} out, or give the ${byHost} zone`,
    );
  }
  const zone = byHost ?? given ?? "standard";
  if (byHost === "government" && path !== GOVERNMENT_PATH) {
    throw new ValidationError(
      "baseUrl",
      `is the government zone with another path than ${GOVERNMENT_PATH} (${quoteValue(path || "/")})`,
      "the government zone serves the v2.0 API: use https://cloudfunctions.apigw.gov-ntruss.com/api/v2",
    );
  }
  return zone;
}

/** The platform an operation sends when the caller names none: the zone's own, else `vpc`. */
export const defaultPlatform = (zone: NcfZone): Platform =>
  zone === "standard" ? "vpc" : ZONE_PLATFORM[zone];

/** Refuses a platform the zone does not have. */
export function checkZonePlatform(zone: NcfZone, platform: unknown): void {
  if (zone === "standard" || platform === undefined) return;
  const only = ZONE_PLATFORM[zone];
  if (platform !== only) {
    throw new ValidationError(
      "platform",
      `is ${quoteValue(String(platform))}, which the ${zone} zone does not have`,
      `the ${zone} zone is ${only === "vpc" ? "VPC" : "Classic"} only: leave platform out (it is never sent there)`,
    );
  }
}

/**
 * The zone rule as a client's `prepare` step (none for the standard zone): every request's `platform` query
 * parameter is checked against the zone and left out.
 */
export function zoneRule(zone: NcfZone): ((request: OutgoingRequest) => OutgoingRequest) | undefined {
  if (zone === "standard") return undefined;
  return (request) => {
    const at = request.url.indexOf("?");
    if (at < 0) return request;
    const kept: string[] = [];
    for (const pair of request.url.slice(at + 1).split("&")) {
      const eq = pair.indexOf("=");
      const name = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
      if (name !== "platform") kept.push(pair);
      else checkZonePlatform(zone, decodeURIComponent(eq < 0 ? "" : pair.slice(eq + 1)));
    }
    const url = request.url.slice(0, at) + (kept.length > 0 ? `?${kept.join("&")}` : "");
    return { ...request, url };
  };
}
