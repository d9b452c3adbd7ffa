import { ValidationError } from "@fnapi/runtime";
import { quoteValue } from "@fnapi/runtime/internal";

// Which API a client speaks, chosen once when it is built (record 0016): `api` when given (whatever the
// path of `baseUrl`: a proxy or a mock may serve it anywhere); else the prefix of
// `baseUrl` (`/api/v3` is v3; `/ncf/api/v2` v2.1, `/api/v2` v2.0 and any other path stay on the v2 family, so
// today's scripts and `--base-url` flags keep working); else v3 in the public regions and the zone's own v2
// API in the financial and government zones, which have no v3.

/** The API a client speaks: Cloud Functions API v3, or the legacy v2.1 (v2.0 in the government zone). */
export type NcfApi = "v3" | "v2.1";

/** API v3's base URLs (specs/ncf-v3.yaml): public regions only. */
export const NCF_V3_BASE_URLS = {
  korea: "https://kr-cloudfunctions.apigw.ntruss.com/api/v3",
  singapore: "https://sg-cloudfunctions.apigw.ntruss.com/api/v3",
  japan: "https://jp-cloudfunctions.apigw.ntruss.com/api/v3",
} as const;

const isV3Path = (baseUrl: string) => /\/api\/v3\/?$/.test(new URL(baseUrl).pathname);

export function chooseApi(given: unknown, baseUrl: string | undefined, region: string, zone: string): NcfApi {
  if (given !== undefined && given !== "v3" && given !== "v2.1")
    throw new ValidationError("api", `is ${quoteValue(String(given))}`, 'it must be "v3" or "v2.1"');
  if (given === "v3" && zone !== "standard")
    throw new ValidationError(
      "api",
      `is "v3" but the ${zone} zone has no API v3`,
      "leave api out: the zone's own API is used",
    );
  if (given !== undefined) return given; // a proxy or a mock may serve either API under any path
  if (baseUrl !== undefined) return isV3Path(baseUrl) ? "v3" : "v2.1";
  return Object.hasOwn(NCF_V3_BASE_URLS, region) ? "v3" : "v2.1";
}
