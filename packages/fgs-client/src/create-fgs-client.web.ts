import { webCrypto } from "@fnapi/auth";
import { createFgsClientOn, type FgsClient, type FgsClientOptions } from "./create-fgs-client.js";

/**
 * A client for Huawei FunctionGraph. Give `projectId` and a `token`, or `accessKey` and `secretKey`; on Node,
 * Deno and Bun they may also come from `HUAWEICLOUD_SDK_*` or `~/.huaweicloud/credentials` (the server build).
 */
export function createFgsClient(options?: FgsClientOptions): FgsClient {
  return createFgsClientOn({ crypto: webCrypto }, options);
}
