export {
  ApiError,
  type CallLogEntry,
  type CallLogger,
  type DeleteResult,
  LISTING_BOUNDS,
  type ListingBounds,
  ListingLimitError,
  NetworkError,
  ProtocolError,
  RedirectError,
  ResponseBodyError,
  STREAMED_LISTING_BOUNDS,
  TimeoutError,
  ValidationError,
} from "@fnapi/runtime";
export { fgsAkSk } from "./auth-aksk.js";
export { fgsToken } from "./auth-token.js";
export { fgsTokenProvider } from "./auth-token-provider.js";
export type {
  FgsAkSkCredentials,
  FgsClient,
  FgsClientOptions,
  FgsFoundCredentials,
  FgsProviderCredentials,
  FgsTokenCredentials,
} from "./create-fgs-client.js";
export { createFgs, createFgsClient } from "./create-fgs-client.web.js";
export { FgsApiError, isGone } from "./errors.js";
export type { Fgs, FgsAuth, FgsAuthSettings, FgsClientCommonOptions, FgsOptions } from "./fgs.js";
export type { components, operations, paths } from "./generated/fgs.js";
export type {
  components as IamComponents,
  operations as IamOperations,
  paths as IamPaths,
} from "./generated/iam.js";
export {
  createIamTokenProvider,
  IamApiError,
  type IamTokenProviderOptions,
} from "./iam-token-provider.js";
export { type DeleteFunctionOptions, deleteFunction } from "./operations/delete-function.js";
export {
  type ListedFunction,
  type ListFunctionsOptions,
  listFunctions,
} from "./operations/list-functions.js";
export {
  type ListedAlias,
  type ListedVersion,
  type ListOptions,
  listAliases,
  listVersions,
} from "./operations/list-versions.js";
export {
  type FunctionUrnParts,
  formatFunctionUrn,
  type ParsedFunctionUrn,
  parseFunctionUrn,
  URN_RULES,
} from "./urn.js";
