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
export {
  NCF_BASE_URLS,
  type NcfClient,
  type NcfClientCommonOptions,
  type NcfClientOptions,
  type NcfRegion,
} from "./create-ncf-client.js";
export { createNcfClient } from "./create-ncf-client.web.js";
export { isGone, NcfApiError } from "./errors.js";
export type { components, operations, paths } from "./generated/ncf.js";
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
export { NCF_ZONE_HOSTS, type NcfZone } from "./zones.js";
