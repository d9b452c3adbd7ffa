import { ValidationError } from "@fnapi/runtime";
import { quoteValue } from "@fnapi/runtime/internal";
import type { Middleware } from "openapi-fetch";

// NAVER Cloud's other zones (record 0010). The financial zone is VPC only and the government zone Classic only
// (v2.0 at /api/v2); neither takes a `platform` parameter. A client for one of them never sends `platform`, and
// refuses, before a byte is sent, a platform the zone does not have.

/** `standard`: the public regions (Korea, Singapore, Japan), where `platform` is sent. */
export type NcfZone = "standard" | "finance" | "government";

/** The hosts of NAVER's financial and government zones (a base URL on one of them applies its rules). */
export const NCF_ZONE_HOSTS = {
  finance: "cloudfunctions.apigw.fin-ntruss.com",
  government: "cloudfunctions.apigw.gov-ntruss.com",
} as const;

/** The one platform each zone has. */
const ZONE_PLATFORM = { finance: "vpc", government: "classic" } as const;

/** The zone of a base URL (by host), checked against an explicit `zone` option. */
export function resolveZone(baseUrl: string, explicit: unknown): NcfZone {
  if (
    explicit !== undefined &&
    explicit !== "standard" &&
    explicit !== "finance" &&
    explicit !== "government"
  ) {
    throw new ValidationError(
      "zone",
      `is ${quoteValue(String(explicit))}`,
      'it must be "standard", "finance" or "government"',
    );
  }
  const host = new URL(baseUrl).host;
  const byHost: NcfZone =
    host === NCF_ZONE_HOSTS.finance
      ? "finance"
      : host === NCF_ZONE_HOSTS.government
        ? "government"
        : "standard";
  if (explicit !== undefined && byHost !== "standard" && explicit !== byHost) {
    throw new ValidationError(
      "zone",
      `is ${quoteValue(explicit)} but baseUrl is the ${byHost} zone's host`,
      `leave zone out, or give "${byHost}"`,
    );
  }
  const zone = (explicit as NcfZone | undefined) ?? byHost;
  if (
    zone === "government" &&
    host === NCF_ZONE_HOSTS.government &&
    !new URL(baseUrl).pathname.startsWith("/api/v2")
  ) {
    throw new ValidationError(
      "baseUrl",
      "is the government zone with another path than /api/v2",
      "the government zone serves the v2.0 API: use https://cloudfunctions.apigw.gov-ntruss.com/api/v2",
    );
  }
  return zone;
}

/** Refuses a `platform` option the zone does not have (the caller's option, before any default). */
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
 * An openapi-fetch middleware for a zone without `platform`: every request (the operations' and the raw
 * `client`'s) goes out without the parameter. It runs before the pipeline signs the request.
 */
export const stripPlatform: Middleware = {
  onRequest({ request }) {
    const url = new URL(request.url);
    if (!url.searchParams.has("platform")) return undefined;
    url.searchParams.delete("platform");
    return new Request(url, request);
  },
};

/** Wraps each method so that its options' `platform` is checked against the zone first. */
export function guardZone<Client extends object>(client: Client, zone: NcfZone): Client {
  if (zone === "standard") return client;
  const guarded: Record<string, unknown> = { ...(client as Record<string, unknown>) };
  for (const [name, value] of Object.entries(client)) {
    if (typeof value !== "function") continue;
    guarded[name] = (...args: unknown[]) => {
      const last = args[args.length - 1];
      if (typeof last === "object" && last !== null) {
        // Every method is async: a refusal is a rejection, as the operations' own ValidationErrors are.
        try {
          checkZonePlatform(zone, (last as { platform?: unknown }).platform);
        } catch (error) {
          return Promise.reject(error);
        }
      }
      return (value as (...a: unknown[]) => unknown)(...args);
    };
  }
  return guarded as Client;
}
