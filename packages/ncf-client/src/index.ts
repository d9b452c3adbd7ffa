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
export type { NcfClient, NcfOperations, NcfV21Client } from "./create-ncf-client.js";
export { createNcf, createNcfClient, createNcfV3 } from "./create-ncf-client.web.js";
export { isGone, NcfApiError } from "./errors.js";
export type { components, operations, paths } from "./generated/ncf.js";
export type {
  components as v3Components,
  operations as v3Operations,
  paths as v3Paths,
} from "./generated/ncf-v3.js";
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
export { deletePackageV3 } from "./v3/cascade.js";
export { NCF_V3_BASE_URLS, type NcfApi } from "./v3/choose-api.js";
export type { NcfV3Client, NcfV3Extras } from "./v3/create-v3-client.js";
export { type DeleteOptionsV3, deleteActionV3, deleteActionVersionV3 } from "./v3/delete.js";
export {
  type ActionSummaryV3,
  type ActionVersion,
  getPackageV3,
  type ListOptionsV3,
  listActionsV3,
  listActionVersionsV3,
  listPackagesV3,
} from "./v3/list.js";
export type { NcfV3 } from "./v3/ncf-v3.js";
export { NcfPagingError, type PagingOptions } from "./v3/paging.js";
export { NCF_ZONE_HOSTS, type NcfZone } from "./zones.js";
