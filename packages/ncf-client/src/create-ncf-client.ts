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

// The all-methods client: every operation bound on one object, and the typed openapi-fetch client. For those
// who want it; a program that calls one operation imports `createNcf` and that operation instead, and bundles
// nothing else.

/** A client for NAVER Cloud Functions: `createNcfClient(options)`. Also an `Ncf` for the standalone operations. */
export interface NcfClient extends Ncf {
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
  /**
   * The openapi-fetch client for the spec's paths, through the same send as the operations: signed, timed
   * out, retried (idempotent methods), the zone's rule applied, redirects refused, bodies bounded, secrets
   * redacted.
   */
  readonly client: Client<paths>;
}

/** Every operation bound on `ncf`, and the typed client. */
export function bindNcfClient(ncf: Ncf): NcfClient {
  const client: Omit<NcfClient, keyof Ncf> = {
    client: createOpenapiClient<paths>(coreOf(ncf)),
    deletePackage: ((packageName: string, options?: DeletePackageOptions | CascadeDeleteOptions) =>
      options?.cascade === true
        ? deletePackageCascade(ncf, packageName, options)
        : deletePackage(ncf, packageName, options as DeletePackageOptions)) as NcfClient["deletePackage"],
    getPackage: (packageName, options) => getPackage(ncf, packageName, options),
    listActions: (packageName, options) => listActions(ncf, packageName, options),
    deleteAction: (packageName, actionName, options) => deleteAction(ncf, packageName, actionName, options),
    listPackages: (options) => listPackages(ncf, options),
  };
  return Object.defineProperties(client, Object.getOwnPropertyDescriptors(ncf)) as NcfClient;
}
