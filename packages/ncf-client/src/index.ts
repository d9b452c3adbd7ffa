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
export {
  NCF_BASE_URLS,
  type NcfClient,
  type NcfClientCommonOptions,
  type NcfClientOptions,
  type NcfOperations,
  type NcfRegion,
  type NcfV21Client,
} from "./create-ncf-client.js";
export { createNcfClient } from "./create-ncf-client.web.js";
export { isGone, NcfApiError } from "./errors.js";
export type { components, operations, paths } from "./generated/ncf.js";
export type {
  components as v3Components,
  operations as v3Operations,
  paths as v3Paths,
} from "./generated/ncf-v3.js";
export type { DeleteActionOptions } from "./operations/delete-action.js";
export type {
  CascadeDeleteOptions,
  CascadePartialReport,
  CascadeProgress,
  CascadeReport,
  DeletePackageOptions,
} from "./operations/delete-package.js";
export { CascadeDeleteError } from "./operations/delete-package.js";
export type { GetPackageOptions, Package } from "./operations/get-package.js";
export type { ActionSummary, ListActionsOptions } from "./operations/list-actions.js";
export type { ListPackagesOptions, PackageSummary } from "./operations/list-packages.js";
export { PACKAGE_NAME_PATTERN, type Platform } from "./package-name.js";
export { NCF_V3_BASE_URLS, type NcfApi } from "./v3/choose-api.js";
export type { NcfV3Client, NcfV3Extras } from "./v3/create-v3-client.js";
export type { ActionSummaryV3, ActionVersion, ListOptionsV3 } from "./v3/list.js";
export { NcfPagingError, type PagingOptions } from "./v3/paging.js";
export { NCF_ZONE_HOSTS, type NcfZone } from "./zones.js";
