import { createClientCore, ValidationError } from "@fnapi/runtime";
import {
  type ClientHandle,
  checkOptions,
  parseBaseUrl,
  resolveRetryOptions,
  withCore,
} from "@fnapi/runtime/internal";
import { authFor, credentialsFrom, type NcfBuild, type NcfClientOptions, region } from "../ncf.js";
import { resolveZone } from "../zones.js";
import { NCF_V3_BASE_URLS } from "./choose-api.js";
import { ncfV3ErrorMapping } from "./errors.js";

// An API v3 client's settings, without any operation: what the standalone v3 operations
// (`deletePackageV3(ncf, …)`) take. A program that calls one v3 operation bundles it and this, and none of
// the v2.1 operations; one that calls a v2.1 operation (`createNcf`) bundles nothing of v3 (record 0016).

/** An API v3 client without methods: give it to the standalone v3 operations. */
export interface NcfV3 extends ClientHandle {
  /** The API it speaks. */
  readonly api: "v3";
}

/** API v3's settings for one build (web or server): the public regions only (the other zones have no v3). */
export function createNcfV3On(build: NcfBuild, options: NcfClientOptions = {}): NcfV3 {
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
  const credentials = credentialsFrom(options, build);
  const chosen = region(options.region);
  if (!Object.hasOwn(NCF_V3_BASE_URLS, chosen) || (options.zone !== undefined && options.zone !== "standard"))
    throw new ValidationError(
      "api",
      `is "v3" but the ${options.zone ?? chosen} zone has no API v3`,
      'leave api out (or give "v2.1"): the zone\'s own API is used',
    );
  const baseUrl = parseBaseUrl(options.baseUrl ?? NCF_V3_BASE_URLS[chosen as keyof typeof NCF_V3_BASE_URLS]);
  const zone = resolveZone(baseUrl, options.baseUrl === undefined, options.zone, "zone");
  if (zone !== "standard")
    throw new ValidationError("api", `is "v3" but the ${zone} zone has no API v3`, "leave api out");
  const core = createClientCore({
    baseUrl,
    auth: authFor(credentials, { clock: options.clock, crypto: options.crypto ?? build.crypto }),
    errors: ncfV3ErrorMapping,
    retry: resolveRetryOptions(options),
    fetch: options.fetch,
    logger: options.logger,
  });
  return withCore({ api: "v3" as const }, core);
}
