// The official Huawei SDK is CommonJS and is loaded the way its users load it: require.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const OFFICIAL_PACKAGE = "@huaweicloud/huaweicloud-sdk-functiongraph";
export const OFFICIAL_CORE = "@huaweicloud/huaweicloud-sdk-core";

/** A FunctionGraph client of the official SDK on `endpoint`, with AK/SK, its defaults otherwise. */
export function createOfficialClient({ endpoint, accessKey, secretKey, projectId }) {
  const { BasicCredentials } = require(OFFICIAL_CORE);
  const { FunctionGraphClient } = require(OFFICIAL_PACKAGE);
  const credentials = new BasicCredentials().withAk(accessKey).withSk(secretKey).withProjectId(projectId);
  return FunctionGraphClient.newBuilder().withCredential(credentials).withEndpoint(endpoint).build();
}

export function officialDeleteFunctionRequest(functionUrn) {
  const { DeleteFunctionRequest } = require(OFFICIAL_PACKAGE);
  return new DeleteFunctionRequest().withFunctionUrn(functionUrn);
}

/**
 * The SDK's own AK/SK signer and credentials. It is not part of the public API: it is reached by its file
 * path, which the package (having no "exports" map) allows.
 */
export function loadOfficialSigner({ accessKey, secretKey, projectId }) {
  const { AKSKSigner } = require(`${OFFICIAL_CORE}/auth/AKSKSigner`);
  const { BasicCredentials } = require(OFFICIAL_CORE);
  const credentials = new BasicCredentials().withAk(accessKey).withSk(secretKey).withProjectId(projectId);
  return { AKSKSigner, credentials };
}
