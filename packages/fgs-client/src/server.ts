// The server build (Node, Deno, Bun; chosen by the `node`, `deno` and `bun` export conditions): signs with
// node:crypto and finds credentials where Huawei's tools do. Everything else is the web build's.
import { findHuaweiProjectId, huaweiCredentialsChain, nodeCrypto } from "@fnapi/auth/server";
import { createFgsClientOn, type FgsClient, type FgsClientOptions } from "./create-fgs-client.js";
import { createFgsWith, type Fgs, type FgsOptions } from "./fgs.js";

export * from "./index.js";

/**
 * A client for Huawei FunctionGraph, every operation bound. Without a token or keys it reads
 * `HUAWEICLOUD_SDK_AK`, `HUAWEICLOUD_SDK_SK`, `HUAWEICLOUD_SDK_SECURITY_TOKEN` and
 * `HUAWEICLOUD_SDK_PROJECT_ID`, then `~/.huaweicloud/credentials` (or `HUAWEICLOUD_SDK_CREDENTIALS_FILE`),
 * section `[basic]`; and keys that expire: OIDC federation (`HUAWEICLOUD_SDK_IDP_ID` +
 * `HUAWEICLOUD_SDK_ID_TOKEN_FILE`, or GitHub Actions' id token), CCE Pod Identity, the ECS metadata (only on a
 * Huawei Cloud server, or when asked) — see `huaweiCredentialsChain` in `@fnapi/auth/server`.
 */
export function createFgsClient(options?: FgsClientOptions): FgsClient {
  return createFgsClientOn(
    { crypto: nodeCrypto, findCredentials: huaweiCredentialsChain, findProjectId: findHuaweiProjectId },
    options,
  );
}

/** A FunctionGraph client without methods, for the standalone operations (node:crypto for AK/SK). */
export function createFgs(options: FgsOptions): Fgs {
  return createFgsWith(nodeCrypto, options);
}
