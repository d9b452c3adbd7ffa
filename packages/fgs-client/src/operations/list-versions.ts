import { ValidationError } from "@fnapi/runtime";
import type { FgsContext } from "../context.js";
import type { components } from "../generated/fgs.js";
import { parseFunctionUrn } from "../urn.js";
import { paged, toDate } from "./list-functions.js";

export interface ListedVersion {
  /** `latest`, or a published version (`v20261101-101010`). */
  version: string;
  /** The 8-field URN of this version. */
  urn: string;
  lastModified: Date | undefined;
  raw: components["schemas"]["VersionSummary"];
}

export interface ListedAlias {
  name: string;
  /** The version the alias points to. */
  version: string;
  /** A weighted (canary) alias's other versions and their weights in percent (empty when none). */
  additionalVersions: Record<string, number>;
  raw: components["schemas"]["Alias"];
}

export interface ListOptions {
  signal?: AbortSignal;
}

/** The function's path: a 7-field URN of the client's project. */
function functionPath({ projectId }: FgsContext, urn: string) {
  const parts = parseFunctionUrn(urn);
  if (parts.projectId !== projectId || parts.version || parts.alias) {
    throw new ValidationError(
      "function_urn",
      "is not a function of the client's project",
      `give the 7-field URN of a function of project ${projectId}`,
    );
  }
  return { path: { project_id: projectId, function_urn: urn } };
}

/** `GET …/{function_urn}/versions`, every page: the function's versions, `latest` included. */
export async function listVersions(
  context: FgsContext,
  urn: string,
  { signal }: ListOptions = {},
): Promise<ListedVersion[]> {
  const { path } = functionPath(context, urn);
  const versions: ListedVersion[] = [];
  const pages = paged<ListedVersion["raw"]>(
    (query) =>
      context.kit.run(
        "get",
        "/v2/{project_id}/fgs/functions/{function_urn}/versions",
        { params: { path, query } },
        { signal, idempotent: true, result: "json" },
      ),
    "versions",
  );
  for await (const raw of pages) {
    if (typeof raw?.version === "string") {
      versions.push({
        version: raw.version,
        urn: `${urn}:${raw.version}`,
        lastModified: toDate(raw.last_modified),
        raw,
      });
    }
  }
  return versions;
}

/** `GET …/{function_urn}/aliases`: every alias of the function, with the versions it points to. */
export async function listAliases(
  context: FgsContext,
  urn: string,
  { signal }: ListOptions = {},
): Promise<ListedAlias[]> {
  const body: unknown = await context.kit.run(
    "get",
    "/v2/{project_id}/fgs/functions/{function_urn}/aliases",
    { params: functionPath(context, urn) },
    { signal, idempotent: true, result: "json" },
  );
  return (Array.isArray(body) ? body : [])
    .filter((raw) => typeof raw?.name === "string" && typeof raw.version === "string")
    .map((raw) => ({
      name: raw.name,
      version: raw.version,
      additionalVersions: { ...raw.additional_version_weights },
      raw,
    }));
}
