export { ApiError, NetworkError, TimeoutError, ValidationError } from "@fnapi/auth";
export {
  createNcfClient,
  type DeletePackageOptions,
  NCF_BASE_URLS,
  type NcfClient,
  type NcfClientOptions,
} from "./client.js";
export { NcfApiError } from "./errors.js";
export type { components, operations, paths } from "./generated/ncf.js";
export { PACKAGE_NAME_PATTERN, type Platform } from "./package-name.js";
