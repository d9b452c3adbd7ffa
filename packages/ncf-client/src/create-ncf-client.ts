import type { DeleteResult } from "@fnapi/runtime";
import { coreOf } from "@fnapi/runtime/internal";
import { createOpenapiClient } from "@fnapi/runtime/openapi";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/ncf.js";
import type { Ncf } from "./ncf.js";
import { type DeleteActionOptions, deleteAction } from "./operations/delete-action.js";
import { type DeletePackageOptions, deletePackage } from "./operations/delete-package.js";
import {
  type CascadeDeleteOptions,
  type CascadeReport,
  deletePackageCascade,
} from "./operations/delete-package-cascade.js";
import { type GetPackageOptions, getPackage, type Package } from "./operations/get-package.js";
import { type ActionSummary, type ListActionsOptions, listActions } from "./operations/list-actions.js";
import { type ListPackagesOptions, listPackages, type PackageSummary } from "./operations/list-packages.js";
import type { NcfApi } from "./v3/choose-api.js";
import type { NcfV3Client } from "./v3/create-v3-client.js";

// The all-methods client: every operation bound on one object, and the typed openapi-fetch client. For those
// who want it; a program that calls one operation imports `createNcf` and that operation instead, and bundles
// nothing else.

/** A client for NAVER Cloud Functions: `createNcfClient(options)`, on API v3 or v2.1 (record 0016). */
export type NcfClient<A extends NcfApi = NcfApi> = A extends "v3" ? NcfV3Client : NcfV21Client;

/** A client on the legacy API v2.1 (v2.0 in the government zone); also an `Ncf` for the standalone operations. */
export interface NcfV21Client extends Ncf, NcfOperations {
  /** The API this client speaks (v2.0 in the government zone is the same family). */
  readonly api: "v2.1";
  /**
   * The openapi-fetch client for the spec's paths, through the same send as the operations: signed, timed
   * out, retried (idempotent methods), the zone's rule applied, redirects refused, bodies bounded, secrets
   * redacted.
   */
  readonly client: Client<paths>;
}

/** The operations both APIs have, with the same names and result shapes. */
export interface NcfOperations {
  /**
   * Deletes a package. Resolves on any 2xx (or, with `missingOk`, when it is already gone) to what happened;
   * otherwise throws `NcfApiError`, `TimeoutError`, `NetworkError`…
   */
  deletePackage(packageName: string, options?: DeletePackageOptions): Promise<DeleteResult>;
  /** Deletes a package's actions, then the package (`cascade: true`), and reports what it deleted. */
  deletePackage(packageName: string, options: CascadeDeleteOptions): Promise<CascadeReport>;
  /** The package, with its actions. */
  getPackage(packageName: string, options?: GetPackageOptions): Promise<Package>;
  /** The package's actions (`-`: the actions in no package). */
  listActions(packageName: string, options?: ListActionsOptions): Promise<ActionSummary[]>;
  /** Deletes an action. 500 81313/81314 (the subnet still connecting or disconnecting) are retried. */
  deleteAction(packageName: string, actionName: string, options?: DeleteActionOptions): Promise<DeleteResult>;
  /** Every package of the platform (name and description; the API does not page it). */
  listPackages(options?: ListPackagesOptions): Promise<PackageSummary[]>;
}

/** Every operation bound on `ncf`, and the typed client. */
export function bindNcfClient(ncf: Ncf): NcfV21Client {
  const client: Omit<NcfV21Client, keyof Ncf> = {
    api: "v2.1",
    client: createOpenapiClient<paths>(coreOf(ncf)),
    deletePackage: ((packageName: string, options?: DeletePackageOptions | CascadeDeleteOptions) =>
      options?.cascade === true
        ? deletePackageCascade(ncf, packageName, options)
        : deletePackage(ncf, packageName, options as DeletePackageOptions)) as NcfOperations["deletePackage"],
    getPackage: (packageName, options) => getPackage(ncf, packageName, options),
    listActions: (packageName, options) => listActions(ncf, packageName, options),
    deleteAction: (packageName, actionName, options) => deleteAction(ncf, packageName, actionName, options),
    listPackages: (options) => listPackages(ncf, options),
  };
  return Object.defineProperties(client, Object.getOwnPropertyDescriptors(ncf)) as NcfV21Client;
}
