// The server build of @fnapi/auth (Node, Deno, Bun; chosen by the `node`, `deno` and `bun` export
// conditions): everything of the web build, plus node:crypto and the vendors' credential chains.
export * from "./index.js";
export {
  type CredentialSources,
  type FoundHuaweiCredentials,
  type FoundNcpCredentials,
  findHuaweiCredentials,
  findHuaweiProjectId,
  findNcpCredentials,
} from "./server/credential-chain.js";
export { nodeCrypto } from "./server/node-crypto.js";
