export { ApiError, NetworkError, TimeoutError, ValidationError } from "@fnapi/auth";
export {
  createFgsClient,
  type DeleteFunctionOptions,
  type FgsClient,
  type FgsClientOptions,
} from "./client.js";
export { FgsApiError } from "./errors.js";
export type { components, operations, paths } from "./generated/fgs.js";
export {
  type FunctionUrnParts,
  formatFunctionUrn,
  type ParsedFunctionUrn,
  parseFunctionUrn,
  URN_RULES,
} from "./urn.js";
