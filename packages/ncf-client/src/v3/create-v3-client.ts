import type { DeleteResult } from "@fnapi/runtime";
import { coreOf } from "@fnapi/runtime/internal";
import { createOpenapiClient } from "@fnapi/runtime/openapi";
import type { Client } from "openapi-fetch";
import type { NcfOperations } from "../create-ncf-client.js";
import type { paths } from "../generated/ncf-v3.js";
import type { PackageSummary } from "../operations/list-packages.js";
import { deletePackageV3 } from "./cascade.js";
import { deleteActionV3, deleteActionVersionV3 } from "./delete.js";
import {
  type ActionSummaryV3,
  type ActionVersion,
  getPackageV3,
  type ListOptionsV3,
  listActionsV3,
  listActionVersionsV3,
  listPackagesV3,
} from "./list.js";
import type { NcfV3 } from "./ncf-v3.js";
import { collect } from "./paging.js";

// The NCF client on API v3 (specs/ncf-v3.yaml): the v2.1 client's operations, names and result shapes, plus
// what only v3 has (action versions) and the listings as async iterables. The list methods that return arrays
// list completely (every page, within the bounds) before they resolve.

/** What only the v3 client has, besides the operations both APIs share. */
export interface NcfV3Extras extends NcfV3 {
  /** The typed openapi-fetch client for specs/ncf-v3.yaml's paths, through the same pipeline. */
  readonly client: Client<paths>;
  /** Every package of the platform: every page (`pageSize` 100, within `maxPages`/`maxItems`), then resolves. */
  listPackages(options?: ListOptionsV3): Promise<PackageSummary[]>;
  /** The package's actions (`default`: none; `-`: every package), every page, then resolves. */
  listActions(packageName: string, options?: ListOptionsV3): Promise<ActionSummaryV3[]>;
  /** Every package, page after page (`pageSize` 100), within `maxPages`/`maxItems`. */
  iteratePackages(options?: ListOptionsV3): AsyncIterable<PackageSummary>;
  /** Every action of a package (`default`: none; `-`: every package), page after page. */
  iterateActions(packageName: string, options?: ListOptionsV3): AsyncIterable<ActionSummaryV3>;
  /** An action's versions, newest first, every page (VPC only). */
  listActionVersions(
    packageName: string,
    actionName: string,
    options?: Omit<ListOptionsV3, "platform">,
  ): Promise<ActionVersion[]>;
  /** Deletes one version of an action (VPC only); `missingOk` resolves on `404 VersionNotFound`. */
  deleteActionVersion(
    packageName: string,
    actionName: string,
    versionName: string,
    options?: { signal?: AbortSignal; missingOk?: boolean },
  ): Promise<DeleteResult>;
}

/** A client on API v3: the operations both APIs have, and v3's own. */
export type NcfV3Client = Omit<NcfOperations, keyof NcfV3Extras> & NcfV3Extras;

/** Every v3 operation bound on `ncf`, and the typed client (the method-style client on API v3). */
export function bindNcfV3Client(ncf: NcfV3): NcfV3Client {
  const client: Omit<NcfV3Client, keyof NcfV3> = {
    client: createOpenapiClient<paths>(coreOf(ncf)),
    deletePackage: ((name: string, options?: Parameters<typeof deletePackageV3>[2]) =>
      deletePackageV3(ncf, name, options)) as NcfOperations["deletePackage"],
    getPackage: (name, options) => getPackageV3(ncf, name, options),
    listPackages: (options) => collect(listPackagesV3(ncf, options)),
    listActions: (name, options) => collect(listActionsV3(ncf, name, options)),
    deleteAction: (name, action, options) => deleteActionV3(ncf, name, action, options),
    iteratePackages: (options) => listPackagesV3(ncf, options),
    iterateActions: (name, options) => listActionsV3(ncf, name, options),
    listActionVersions: (name, action, options) => collect(listActionVersionsV3(ncf, name, action, options)),
    deleteActionVersion: (name, action, version, options) =>
      deleteActionVersionV3(ncf, name, action, version, options),
  };
  return Object.defineProperties(client, Object.getOwnPropertyDescriptors(ncf)) as NcfV3Client;
}
