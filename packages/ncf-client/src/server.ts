// The server build (Node, Deno, Bun; chosen by the `node`, `deno` and `bun` export conditions): signs with
// node:crypto and finds credentials where NAVER's tools do. Everything else is the web build's.
import { ncpCredentialsChain, nodeCrypto } from "@fnapi/auth/server";
import type { NcfClient } from "./create-ncf-client.js";
import { bindNcfClientOn } from "./create-ncf-client.web.js";
import { createNcfOn, type Ncf, type NcfBuild, type NcfClientOptions } from "./ncf.js";
import { renewing } from "./renewing.js";
import type { NcfApi } from "./v3/choose-api.js";
import { createNcfV3On, type NcfV3 } from "./v3/ncf-v3.js";

export * from "./index.js";

const server: NcfBuild = { crypto: nodeCrypto, findCredentials: ncpCredentialsChain, renewing };

/**
 * A client for NAVER Cloud Functions, every operation bound, on API v3 or v2.1. Without `accessKey`/`secretKey`
 * it reads `NCLOUD_ACCESS_KEY_ID` (or `NCLOUD_ACCESS_KEY`) and `NCLOUD_SECRET_ACCESS_KEY` (or
 * `NCLOUD_SECRET_KEY`), then `~/.ncloud/configure` (`[DEFAULT]`, or the profile in `NCLOUD_PROFILE`), then a
 * VPC server's Server Role (only on a NAVER Cloud server, or when asked: `ncpCredentialsChain` in
 * `@fnapi/auth/server`).
 */
export function createNcfClient<A extends NcfApi = NcfApi>(
  options?: NcfClientOptions & { api?: A },
): NcfClient<A> {
  return bindNcfClientOn(server, options) as NcfClient<A>;
}

/** An NCF client on API v2.1 without methods, for the standalone operations; credentials as above. */
export function createNcf(options?: NcfClientOptions): Ncf {
  return createNcfOn(server, options);
}

/** An NCF client on API v3 without methods, for the standalone v3 operations; credentials as above. */
export function createNcfV3(options?: NcfClientOptions): NcfV3 {
  return createNcfV3On(server, options);
}
