import { ValidationError } from "@fnapi/runtime";
import { boundedList, checkOptions } from "@fnapi/runtime/internal";
import type { FgsContext } from "../context.js";
import type { components } from "../generated/fgs.js";
import { parseFunctionUrn } from "../urn.js";
import { paged, toDate } from "./list-functions.js";
import { checkAliasList, checkVersionList } from "./list-guards.js";

/** A version as listed by `listVersions`. */
export interface ListedVersion {
  /** `latest`, or a published version (`v20261101-101010`). */
  version: string;
  /** The 8-field URN of this version. */
  urn: string;
  /** `last_modified` as a Date; `undefined` when it is missing or not a date. */
  lastModified: Date | undefined;
  /** The item as the API sent it. */
  raw: components["schemas"]["VersionSummary"];
}

/** An alias as listed by `listAliases`. */
export interface ListedAlias {
  /** The alias name (without `!`). */
  name: string;
  /** The version the alias points to. */
  version: string;
  /** A weighted (canary) alias's other versions and their weights in percent (empty when none). */
  additionalVersions: Record<string, number>;
  /** The item as the API sent it. */
  raw: components["schemas"]["Alias"];
}

/** Options of `listVersions` and `listAliases`. */
export interface ListOptions {
  /** Aborts the call, retries and backoff included. */
  signal?: AbortSignal;
}

/** The function's path: a 7-field URN of the client's project (and region, unless the host was given). */
function functionPath({ projectId, region, customHost }: FgsContext, urn: string) {
  const parts = parseFunctionUrn(urn);
  if (
    parts.projectId !== projectId ||
    (!customHost && parts.region !== region) ||
    parts.version !== undefined ||
    parts.alias !== undefined
  ) {
    throw new ValidationError(
      "functionUrn",
      "is not the 7-field URN of a function of the client's project and region",
      `give urn:fss:${region}:${projectId}:function:<package>:<name>`,
    );
  }
  return { project_id: projectId, function_urn: urn };
}

/** `GET …/{function_urn}/versions`, every page: the function's versions, `latest` included. */
export async function listVersions(
  context: FgsContext,
  functionUrn: string,
  options?: ListOptions,
): Promise<ListedVersion[]> {
  const { signal } = checkOptions(options, "listVersions", { signal: "signal" });
  const path = functionPath(context, functionUrn);
  const { kit } = context;
  const versions: ListedVersion[] = [];
  const pages = paged<ListedVersion["raw"]>(
    "listVersions",
    async (query) =>
      (
        await kit.call<Record<string, unknown>>(
          { signal, idempotent: true, result: "json", operation: "listVersions", check: checkVersionList },
          (fetch) =>
            kit.client.GET("/v2/{project_id}/fgs/functions/{function_urn}/versions", {
              params: { path, query },
              parseAs: "stream",
              fetch,
            }),
        )
      ).data,
    "versions",
  );
  for await (const raw of pages) {
    versions.push({
      version: raw.version,
      urn: `${functionUrn}:${raw.version}`,
      lastModified: toDate(raw.last_modified),
      raw,
    });
  }
  return versions;
}

/** `GET …/{function_urn}/aliases`: every alias of the function, with the versions it points to. */
export async function listAliases(
  context: FgsContext,
  functionUrn: string,
  options?: ListOptions,
): Promise<ListedAlias[]> {
  const { signal } = checkOptions(options, "listAliases", { signal: "signal" });
  const path = functionPath(context, functionUrn);
  const { kit } = context;
  const { data } = await kit.call<components["schemas"]["Alias"][]>(
    { signal, idempotent: true, result: "json", operation: "listAliases", check: checkAliasList },
    (fetch) =>
      kit.client.GET("/v2/{project_id}/fgs/functions/{function_urn}/aliases", {
        params: { path },
        parseAs: "stream",
        fetch,
      }),
  );
  return boundedList("listAliases", data).map((raw) => ({
    name: raw.name,
    version: raw.version,
    additionalVersions: { ...raw.additional_version_weights },
    raw,
  }));
}
