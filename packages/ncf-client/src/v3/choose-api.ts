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

/** A `baseUrl` whose path ends in `/api/v3` (one that does not parse is left to the v2.1 client to refuse). */
function isV3Path(baseUrl: string): boolean {
  try {
    return /\/api\/v3\/?$/.test(new URL(baseUrl).pathname);
  } catch {
    return false;
  }
}

/** The API of a client built with `options` (whether that zone has it is checked when it is built). */
export function chooseApi(options: {
  api?: unknown;
  baseUrl?: unknown;
  region?: unknown;
  zone?: unknown;
}): NcfApi {
  const given = options.api;
  if (given !== undefined && given !== "v3" && given !== "v2.1")
    throw new ValidationError("api", `is ${quoteValue(String(given))}`, 'it must be "v3" or "v2.1"');
  if (given !== undefined) return given; // a proxy or a mock may serve either API under any path
  if (typeof options.baseUrl === "string") return isV3Path(options.baseUrl) ? "v3" : "v2.1";
  if (options.zone === "finance" || options.zone === "government") return "v2.1";
  return options.region === undefined || Object.hasOwn(NCF_V3_BASE_URLS, options.region as string)
    ? "v3"
    : "v2.1";
}
