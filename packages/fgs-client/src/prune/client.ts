// What a FunctionGraph prune needs of its client: the four operations it calls, as a structural type (the
// client from createFgsClient is one). The prune entry's declarations then stand alone: they name no type of
// the main entry (whose build the export conditions choose separately).

/** A listed function, as a prune reads it. */
export interface PrunableFunction {
  /** The 7-field URN. */
  urn: string;
  /** The name (the URN's 7th field). */
  name: string;
  /** `last_modified` as a Date, when it is one. */
  lastModified: Date | undefined;
  /** The item as listed: the URN and name are checked against each other. */
  raw: { func_urn: string; func_name: string };
}

/** A listed version, as a prune reads it. */
export interface PrunableVersion {
  /** `latest`, or a published version. */
  version: string;
  /** `last_modified` as a Date, when it is one. */
  lastModified: Date | undefined;
}

/** A listed alias, as a prune reads it. */
export interface PrunableAlias {
  /** The alias name. */
  name: string;
  /** The version it points to. */
  version: string;
  /** Weighted (canary) versions. */
  additionalVersions: Record<string, number>;
}

/** The operations of a FunctionGraph client a prune calls: `createFgsClient(…)` gives one. */
export interface FgsPruneClient {
  /** The client's project: a listed function of another project is never planned (the client's delete refuses it). */
  readonly projectId?: string;
  /** Every function, page after page. */
  listFunctions(options?: { packageName?: string; signal?: AbortSignal }): AsyncIterable<PrunableFunction>;
  /** A function's versions. */
  listVersions(functionUrn: string, options?: { signal?: AbortSignal }): Promise<PrunableVersion[]>;
  /** A function's aliases. */
  listAliases(functionUrn: string, options?: { signal?: AbortSignal }): Promise<PrunableAlias[]>;
  /** Deletes a function or a version. */
  deleteFunction(
    functionUrn: string,
    options?: { missingOk?: boolean },
  ): Promise<{ alreadyGone: boolean; attempts: number }>;
}
