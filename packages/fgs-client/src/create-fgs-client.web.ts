import { webCrypto } from "@fnapi/auth";
import { createFgsClientOn, type FgsClient, type FgsClientOptions } from "./create-fgs-client.js";
import { createFgsWith, type Fgs, type FgsOptions } from "./fgs.js";

/**
 * A client for Huawei FunctionGraph, every operation bound. Give `projectId` and a `token`, or `accessKey` and
 * `secretKey`; on Node, Deno and Bun they may also come from `HUAWEICLOUD_SDK_*` or
 * `~/.huaweicloud/credentials` (the server build).
 */
export function createFgsClient(options?: FgsClientOptions): FgsClient {
  return createFgsClientOn({ crypto: webCrypto }, options);
}

/**
 * A FunctionGraph client without methods, for the standalone operations, with its auth scheme given:
 * `createFgs({ projectId, auth: fgsToken(token) })`, `auth: fgsTokenProvider(provider)` or
 * `auth: fgsAkSk({ accessKey, secretKey })`.
 */
export function createFgs(options: FgsOptions): Fgs {
  return createFgsWith(webCrypto, options);
}
