import { buildRequest, send, ValidationError } from "@fnapi/runtime";
import { boundedList, checkOptions, coreOf } from "@fnapi/runtime/internal";
import type { Fgs } from "../fgs.js";
import type { components, paths } from "../generated/fgs.js";
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
function functionPath({ projectId, region, customHost }: Fgs, urn: string) {
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
  fgs: Fgs,
  functionUrn: string,
  options?: ListOptions,
): Promise<ListedVersion[]> {
  const { signal } = checkOptions(options, "listVersions", { signal: "signal" });
  const path = functionPath(fgs, functionUrn);
  const core = coreOf(fgs);
  const versions: ListedVersion[] = [];
  const pages = paged<ListedVersion["raw"]>(
    "listVersions",
    async (query) =>
      (
        await send<Record<string, unknown>>(
          core,
          buildRequest<paths, "/v2/{project_id}/fgs/functions/{function_urn}/versions", "get">(
            core,
            "get",
            "/v2/{project_id}/fgs/functions/{function_urn}/versions",
            { path, query },
          ),
          { signal, idempotent: true, result: "json", operation: "listVersions", check: checkVersionList },
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
  fgs: Fgs,
  functionUrn: string,
  options?: ListOptions,
): Promise<ListedAlias[]> {
  const { signal } = checkOptions(options, "listAliases", { signal: "signal" });
  const path = functionPath(fgs, functionUrn);
  const core = coreOf(fgs);
  const { data } = await send<components["schemas"]["Alias"][]>(
    core,
    buildRequest<paths, "/v2/{project_id}/fgs/functions/{function_urn}/aliases", "get">(
      core,
      "get",
      "/v2/{project_id}/fgs/functions/{function_urn}/aliases",
      { path },
    ),
    { signal, idempotent: true, result: "json", operation: "listAliases", check: checkAliasList },
  );
  return boundedList("listAliases", data).map((raw) => ({
    name: raw.name,
    version: raw.version,
    additionalVersions: { ...raw.additional_version_weights },
    raw,
  }));
}
