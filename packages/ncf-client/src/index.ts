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
export type { NcfClient } from "./create-ncf-client.js";
export { createNcf, createNcfClient } from "./create-ncf-client.web.js";
export { isGone, NcfApiError } from "./errors.js";
export type { components, operations, paths } from "./generated/ncf.js";
export {
  NCF_BASE_URLS,
  type Ncf,
  type NcfClientCommonOptions,
  type NcfClientOptions,
  type NcfRegion,
} from "./ncf.js";
export { type DeleteActionOptions, deleteAction } from "./operations/delete-action.js";
export { type DeletePackageOptions, deletePackage } from "./operations/delete-package.js";
export {
  CascadeDeleteError,
  type CascadeDeleteOptions,
  type CascadePartialReport,
  type CascadeProgress,
  type CascadeReport,
  deletePackageCascade,
} from "./operations/delete-package-cascade.js";
export { type GetPackageOptions, getPackage, type Package } from "./operations/get-package.js";
export { type ActionSummary, type ListActionsOptions, listActions } from "./operations/list-actions.js";
export { type ListPackagesOptions, listPackages, type PackageSummary } from "./operations/list-packages.js";
export { PACKAGE_NAME_PATTERN, type Platform } from "./package-name.js";
export { NCF_ZONE_HOSTS, type NcfZone } from "./zones.js";
