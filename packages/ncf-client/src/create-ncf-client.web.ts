import { webCrypto } from "@fnapi/auth";
import { bindNcfClient, type NcfClient } from "./create-ncf-client.js";
import { createNcfOn, type Ncf, type NcfBuild, type NcfClientOptions } from "./ncf.js";
import { renewing } from "./renewing.js";
import { chooseApi, type NcfApi } from "./v3/choose-api.js";
import { bindNcfV3Client } from "./v3/create-v3-client.js";
import { createNcfV3On, type NcfV3 } from "./v3/ncf-v3.js";

// The lean clients (createNcf, createNcfV3) carry no renewal cache: there `credentials` must already be
// `renewingCredentials(provider)`. The method-style client takes a bare provider too.
const web: NcfBuild = { crypto: webCrypto };

/**
 * A client for NAVER Cloud Functions, every operation bound, on API v3 or v2.1 (`api`; default from the
 * prefix of `baseUrl`, else v3 in the public regions and the zone's own API elsewhere: record 0016). Give
 * `accessKey` and `secretKey`; on Node, Deno and Bun they may also come from
 * `NCLOUD_ACCESS_KEY_ID`/`NCLOUD_SECRET_KEY` or `~/.ncloud/configure` (the server build).
 */
export function createNcfClient<A extends NcfApi = NcfApi>(
  options?: NcfClientOptions & { api?: A },
): NcfClient<A> {
  return bindNcfClientOn({ ...web, renewing }, options) as NcfClient<A>;
}

/** The method-style client of a build: the one place that dispatches between the APIs. */
export function bindNcfClientOn(build: NcfBuild, options?: NcfClientOptions & { api?: NcfApi }): NcfClient {
  if (chooseApi(options ?? {}) === "v3") return bindNcfV3Client(createNcfV3On(build, options));
  return bindNcfClient(createNcfOn(build, options));
}

/**
 * An NCF client on the legacy API v2.1 without methods, for the standalone operations:
 * `deletePackage(createNcf(options), name)`. For API v3: `createNcfV3` and the `…V3` operations.
 */
export function createNcf(options?: NcfClientOptions): Ncf {
  return createNcfOn(web, options);
}

/** An NCF client on API v3 without methods, for the standalone v3 operations: `deletePackageV3(ncf, name)`. */
export function createNcfV3(options?: NcfClientOptions): NcfV3 {
  return createNcfV3On(web, options);
}
