import { webCrypto } from "@fnapi/auth";
import { bindNcfClient, type NcfClient } from "./create-ncf-client.js";
import { createNcfOn, type Ncf, type NcfClientOptions } from "./ncf.js";
import { renewing } from "./renewing.js";

/**
 * A client for NAVER Cloud Functions, every operation bound. Give `accessKey` and `secretKey`; on Node, Deno
 * and Bun they may also come from `NCLOUD_ACCESS_KEY_ID`/`NCLOUD_SECRET_KEY` or `~/.ncloud/configure` (the
 * server build).
 */
export function createNcfClient(options?: NcfClientOptions): NcfClient {
  return bindNcfClient(createNcfOn({ crypto: webCrypto, renewing }, options));
}

/** An NCF client without methods, for the standalone operations: `deletePackage(createNcf(options), name)`. */
export function createNcf(options?: NcfClientOptions): Ncf {
  return createNcfOn({ crypto: webCrypto }, options);
}
