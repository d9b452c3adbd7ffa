import { webCrypto } from "@fnapi/auth";
import { createNcfClientOn, type NcfClient, type NcfClientOptions } from "./create-ncf-client.js";
import type { NcfApi } from "./v3/choose-api.js";

/**
 * A client for NAVER Cloud Functions. Give `accessKey` and `secretKey`; on Node, Deno and Bun they may also
 * come from `NCLOUD_ACCESS_KEY_ID`/`NCLOUD_SECRET_KEY` or `~/.ncloud/configure` (the server build).
 */
export function createNcfClient<A extends NcfApi = NcfApi>(
  options?: NcfClientOptions & { api?: A },
): NcfClient<A> {
  return createNcfClientOn({ crypto: webCrypto }, options);
}
