// The server build (Node, Deno, Bun; chosen by the `node`, `deno` and `bun` export conditions): signs with
// node:crypto and finds credentials where NAVER's tools do. Everything else is the web build's.
import { ncpCredentialsChain, nodeCrypto } from "@fnapi/auth/server";
import { createNcfClientOn, type NcfClient, type NcfClientOptions } from "./create-ncf-client.js";

export * from "./index.js";

/**
 * A client for NAVER Cloud Functions. Without `accessKey`/`secretKey` it reads `NCLOUD_ACCESS_KEY_ID` (or
 * `NCLOUD_ACCESS_KEY`) and `NCLOUD_SECRET_ACCESS_KEY` (or `NCLOUD_SECRET_KEY`), then `~/.ncloud/configure`
 * (`[DEFAULT]`, or the profile in `NCLOUD_PROFILE`), then a VPC server's Server Role (only on a NAVER Cloud
 * server, or when asked: `ncpCredentialsChain` in `@fnapi/auth/server`).
 */
export function createNcfClient(options?: NcfClientOptions): NcfClient {
  return createNcfClientOn({ crypto: nodeCrypto, findCredentials: ncpCredentialsChain }, options);
}
