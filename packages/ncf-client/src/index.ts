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
export { NCF_BASE_URLS, type NcfClient, type NcfClientOptions } from "./create-ncf-client.js";
export { createNcfClient } from "./create-ncf-client.web.js";
export { NcfApiError } from "./errors.js";
export type { components, operations, paths } from "./generated/ncf.js";
export type { DeleteActionOptions } from "./operations/delete-action.js";
export type {
  CascadeDeleteOptions,
  CascadeProgress,
  CascadeReport,
  DeletePackageOptions,
} from "./operations/delete-package.js";
export type { GetPackageOptions, Package } from "./operations/get-package.js";
export type { ActionSummary, ListActionsOptions } from "./operations/list-actions.js";
export type { ListPackagesOptions, PackageSummary } from "./operations/list-packages.js";
export { PACKAGE_NAME_PATTERN, type Platform } from "./package-name.js";
export { NCF_ZONE_HOSTS, type NcfZone } from "./zones.js";
