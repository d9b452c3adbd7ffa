export {
  ApiError,
  type CallLogEntry,
  type CallLogger,
  type DeleteResult,
  NetworkError,
  ProtocolError,
  RedirectError,
  ResponseBodyError,
  TimeoutError,
  ValidationError,
} from "@fnapi/runtime";
export type {
  FgsAkSkCredentials,
  FgsClient,
  FgsClientCommonOptions,
  FgsClientOptions,
  FgsFoundCredentials,
  FgsProviderCredentials,
  FgsTokenCredentials,
} from "./create-fgs-client.js";
export { createFgsClient } from "./create-fgs-client.web.js";
export { FgsApiError, isGone } from "./errors.js";
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
export type { DeleteFunctionOptions } from "./operations/delete-function.js";
export type { ListedFunction, ListFunctionsOptions } from "./operations/list-functions.js";
export type { ListedAlias, ListedVersion, ListOptions } from "./operations/list-versions.js";
export {
  type FunctionUrnParts,
  formatFunctionUrn,
  type ParsedFunctionUrn,
  parseFunctionUrn,
  URN_RULES,
} from "./urn.js";
