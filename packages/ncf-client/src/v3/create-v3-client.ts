import type { AuthScheme, CallLogger, DeleteResult, ResolvedRetryOptions } from "@fnapi/runtime";
import { createClientKit } from "@fnapi/runtime";
import type { Client } from "openapi-fetch";
import type { NcfOperations } from "../create-ncf-client.js";
import type { paths } from "../generated/ncf-v3.js";
import type { PackageSummary } from "../operations/list-packages.js";
import { deletePackageV3 } from "./cascade.js";
import type { NcfV3Context } from "./context.js";
import { deleteActionV3, deleteActionVersionV3 } from "./delete.js";
import { ncfV3ErrorMapping } from "./errors.js";
import {
  type ActionSummaryV3,
  type ActionVersion,
  getPackageV3,
  type ListOptionsV3,
  listActionsV3,
  listActionVersionsV3,
  listPackagesV3,
} from "./list.js";
import { collect } from "./paging.js";

// The NCF client on API v3 (specs/ncf-v3.yaml): the v2.1 client's operations, names and result shapes, plus
// what only v3 has (action versions) and the listings as async iterables. The list methods that return arrays
// list completely (every page, within the bounds) before they resolve.

/** What only the v3 client has, besides the operations both APIs share. */
export interface NcfV3Extras {
  /** The API this client speaks. */
  readonly api: "v3";
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

export interface NcfV3Parts {
  baseUrl: string;
  auth: AuthScheme;
  retry: ResolvedRetryOptions;
  fetch: typeof fetch | undefined;
  logger: CallLogger | undefined;
}

/** A client on API v3: the operations both APIs have, and v3's own. */
export type NcfV3Client = Omit<NcfOperations, keyof NcfV3Extras> & NcfV3Extras;

export function createNcfV3Client(parts: NcfV3Parts): NcfV3Client {
  const context: NcfV3Context = {
    kit: createClientKit<paths>({ ...parts, errors: ncfV3ErrorMapping }),
  };
  return {
    api: "v3",
    client: context.kit.client,
    deletePackage: ((name: string, options?: Parameters<typeof deletePackageV3>[2]) =>
      deletePackageV3(context, name, options)) as NcfOperations["deletePackage"],
    getPackage: (name, options) => getPackageV3(context, name, options),
    listPackages: (options) => collect(listPackagesV3(context, options)),
    listActions: (name, options) => collect(listActionsV3(context, name, options)),
    deleteAction: (name, action, options) => deleteActionV3(context, name, action, options),
    iteratePackages: (options) => listPackagesV3(context, options),
    iterateActions: (name, options) => listActionsV3(context, name, options),
    listActionVersions: (name, action, options) =>
      collect(listActionVersionsV3(context, name, action, options)),
    deleteActionVersion: (name, action, version, options) =>
      deleteActionVersionV3(context, name, action, version, options),
  };
}
