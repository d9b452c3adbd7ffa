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

/** The government zone's API (v2.0). */
const GOVERNMENT_URL = `https://${NCF_ZONE_HOSTS.government}/api/v2`;

const isZone = (value: unknown): value is NcfZone =>
  value === "standard" || value === "finance" || value === "government";

/**
 * The zone whose rules apply to a client on `baseUrl`. The URL's zone is that of its host when it is a zone's
 * host, and `standard` for a URL of the region table (`fromTable`); the zone the caller claims (`zone`, or
 * the one `region` is in) must agree with it, and decides for any other host (a proxy, a mock, the emulator:
 * a proxy in front of the government zone keeps its rules). The host is compared normalised: lower case, no
 * trailing dot. A disagreement is a ValidationError naming `field` and what contradicts it (`against`).
 */
export function resolveZone(
  baseUrl: string,
  fromTable: boolean,
  claimed: unknown,
  field: "zone" | "region",
  against = "baseUrl",
): NcfZone {
  if (claimed !== undefined && !isZone(claimed)) {
    throw new ValidationError(
      field,
      `is ${quoteValue(String(claimed))}`,
      'it must be "standard", "finance" or "government"',
    );
  }
  const url = new URL(baseUrl);
  const host = url.host.toLowerCase().replace(/\.(?=:\d+$|$)/, "");
  const byUrl: NcfZone | undefined =
    host === NCF_ZONE_HOSTS.finance
      ? "finance"
      : host === NCF_ZONE_HOSTS.government
        ? "government"
        : fromTable
          ? "standard"
          : undefined;
  if (claimed !== undefined && byUrl !== undefined && claimed !== byUrl) {
    throw new ValidationError(
      field,
      `${field === "zone" ? `is ${quoteValue(claimed)}` : `is in the ${claimed} zone`} but ${against} is in the ${byUrl} zone`,
      `leave ${field} out: ${against} tells the zone`,
    );
  }
  // The government zone serves v2.0 at exactly this path, nothing longer (`/api/v20`, `/api/v2x`).
  const path = url.pathname.replace(/\/+$/, "");
  if (byUrl === "government" && path !== "/api/v2") {
    throw new ValidationError(
      "baseUrl",
      `is the government zone with another path than /api/v2 (${quoteValue(path || "/")})`,
      `use ${GOVERNMENT_URL}`,
    );
  }
  return byUrl ?? claimed ?? "standard";
}

/** The platform an operation sends when the caller names none: the zone's own, else `vpc`. */
export const defaultPlatform = (zone: NcfZone): Platform =>
  zone === "standard" ? "vpc" : ZONE_PLATFORM[zone];

/**
 * The zone rule as a client's `prepare` step (none for the standard zone): every request's `platform` query
 * parameter is left out, and one the zone does not have is refused.
 */
export function zoneRule(zone: NcfZone): ((request: OutgoingRequest) => OutgoingRequest) | undefined {
  if (zone === "standard") return undefined;
  const only = ZONE_PLATFORM[zone];
  return (request) => {
    const at = request.url.indexOf("?");
    if (at < 0) return request;
    const kept: string[] = [];
    for (const pair of request.url.slice(at + 1).split("&")) {
      const [name = "", value = ""] = pair.split("=").map(decodeURIComponent);
      if (name !== "platform") kept.push(pair);
      else if (value !== only) {
        throw new ValidationError(
          "platform",
          `is ${quoteValue(value)}, which the ${zone} zone does not have`,
          `the ${zone} zone is ${only === "vpc" ? "VPC" : "Classic"} only: leave platform out (it is never sent there)`,
        );
      }
    }
    return { ...request, url: request.url.slice(0, at) + (kept.length > 0 ? `?${kept.join("&")}` : "") };
  };
}
