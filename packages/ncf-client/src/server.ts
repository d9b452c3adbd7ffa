// The server build (Node, Deno, Bun; chosen by the `node`, `deno` and `bun` export conditions): signs with
// node:crypto and finds credentials where NAVER's tools do. Everything else is the web build's.
import { ncpCredentialsChain, nodeCrypto } from "@fnapi/auth/server";
import { bindNcfClient, type NcfClient } from "./create-ncf-client.js";
import { createNcfOn, type Ncf, type NcfBuild, type NcfClientOptions } from "./ncf.js";
import { renewing } from "./renewing.js";

export * from "./index.js";

const server: NcfBuild = { crypto: nodeCrypto, findCredentials: ncpCredentialsChain, renewing };

/**
 * A client for NAVER Cloud Functions, every operation bound. Without `accessKey`/`secretKey` it reads
 * `NCLOUD_ACCESS_KEY_ID` (or `NCLOUD_ACCESS_KEY`) and `NCLOUD_SECRET_ACCESS_KEY` (or `NCLOUD_SECRET_KEY`), then
 * `~/.ncloud/configure` (`[DEFAULT]`, or the profile in `NCLOUD_PROFILE`), then a VPC server's Server Role (only
 * on a NAVER Cloud server, or when asked: `ncpCredentialsChain` in `@fnapi/auth/server`).
 */
export function createNcfClient(options?: NcfClientOptions): NcfClient {
  return bindNcfClient(createNcfOn(server, options));
}

/** An NCF client without methods, for the standalone operations; credentials as `createNcfClient` finds them. */
export function createNcf(options?: NcfClientOptions): Ncf {
  return createNcfOn(server, options);
}
