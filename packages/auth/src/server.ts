// The server build of @fnapi/auth (Node, Deno, Bun; chosen by the `node`, `deno` and `bun` export
// conditions): everything of the web build and of @fnapi/auth/credentials, plus node:crypto and the vendors'
// credential chains.
export * from "./credentials.js";
export * from "./index.js";
export {
  type CredentialSources,
  type FoundHuaweiCredentials,
  type FoundNcpCredentials,
  findHuaweiCredentials,
  findHuaweiProjectId,
  findNcpCredentials,
} from "./server/credential-chain.js";
export {
  type DmiReader,
  isHuaweiCloudServer,
  isNaverCloudServer,
} from "./server/credentials/cloud-machine.js";
export { CredentialsError } from "./server/credentials/credentials-error.js";
export {
  type HuaweiAssumeAgencyOptions,
  huaweiAssumeAgencyCredentials,
} from "./server/credentials/huawei-assume-agency.js";
export {
  type HuaweiChainResult,
  huaweiCredentialsChain,
  type KeylessSources,
} from "./server/credentials/huawei-chain.js";
export {
  type HuaweiOidcFederationOptions,
  type HuaweiStsOidcOptions,
  huaweiOidcFederationCredentials,
  huaweiStsOidcCredentials,
} from "./server/credentials/huawei-federation.js";
export {
  type HuaweiMetadataOptions,
  huaweiEcsMetadataCredentials,
} from "./server/credentials/huawei-metadata.js";
export {
  type HuaweiPodIdentityOptions,
  huaweiPodIdentityCredentials,
} from "./server/credentials/huawei-pod-identity.js";
export {
  type GithubIdTokenOptions,
  githubActionsIdToken,
  type IdTokenSource,
  idTokenFromFile,
} from "./server/credentials/id-token.js";
export { type NcpChainResult, ncpCredentialsChain } from "./server/credentials/ncp-chain.js";
export { type NcpServerRoleOptions, ncpServerRoleCredentials } from "./server/credentials/ncp-server-role.js";
export { nodeCrypto } from "./server/node-crypto.js";
