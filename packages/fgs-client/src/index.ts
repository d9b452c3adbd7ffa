export {
  ApiError,
  type CallLogEntry,
  type CallLogger,
  NetworkError,
  RedirectError,
  ResponseBodyError,
  TimeoutError,
  ValidationError,
} from "@fnapi/runtime";
export type { FgsClient, FgsClientOptions } from "./create-fgs-client.js";
export { createFgsClient } from "./create-fgs-client.web.js";
export { FgsApiError } from "./errors.js";
export type { components, operations, paths } from "./generated/fgs.js";
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
