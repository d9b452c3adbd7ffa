import { ValidationError } from "@fnapi/runtime";
import type { FgsContext } from "../context.js";
import type { components } from "../generated/fgs.js";
import { parseFunctionUrn } from "../urn.js";
import { lastPage, toDate } from "./list-functions.js";

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
  /** The alias URN (`…:!name`). */
  urn: string;
  raw: components["schemas"]["Alias"];
}

export interface ListOptions {
  signal?: AbortSignal;
}

/** A 7-field URN of the client's project: what the version and alias lists take. */
export function checkFunctionUrn({ projectId }: FgsContext, functionUrn: string): string {
  const urn = parseFunctionUrn(functionUrn);
  if (urn.version !== undefined || urn.alias !== undefined) {
    throw new ValidationError(
      "function_urn",
      "names a version or an alias",
      "pass the function's 7-field URN (without the version or alias)",
    );
  }
  if (urn.projectId !== projectId) {
    throw new ValidationError(
      "function_urn",
      `names project ${urn.projectId}`,
      `it must belong to the client's project ${projectId}`,
    );
  }
  return functionUrn;
}

/** `GET …/{function_urn}/versions`, every page: the function's versions, `latest` included. */
export async function listVersions(
  context: FgsContext,
  functionUrn: string,
  { signal }: ListOptions = {},
): Promise<ListedVersion[]> {
  const urn = checkFunctionUrn(context, functionUrn);
  const versions: ListedVersion[] = [];
  let marker = 0;
  for (;;) {
    const body = await context.kit.run(
      "get",
      "/v2/{project_id}/fgs/functions/{function_urn}/versions",
      {
        params: {
          path: { project_id: context.projectId, function_urn: urn },
          query: { maxitems: "400", ...(marker > 0 ? { marker: String(marker) } : {}) },
        },
      },
      { signal, idempotent: true, result: "json" },
    );
    const page = Array.isArray(body?.versions) ? body.versions : [];
    for (const raw of page) {
      if (typeof raw?.version !== "string") continue;
      versions.push({
        version: raw.version,
        urn: `${urn}:${raw.version}`,
        lastModified: toDate(raw.last_modified),
        raw,
      });
    }
    if (lastPage(page.length, marker, body?.next_marker, body?.count)) return versions;
    marker = body.next_marker as number;
  }
}

/** `GET …/{function_urn}/aliases`: every alias of the function, with the versions it points to. */
export async function listAliases(
  context: FgsContext,
  functionUrn: string,
  { signal }: ListOptions = {},
): Promise<ListedAlias[]> {
  const urn = checkFunctionUrn(context, functionUrn);
  const body = await context.kit.run(
    "get",
    "/v2/{project_id}/fgs/functions/{function_urn}/aliases",
    { params: { path: { project_id: context.projectId, function_urn: urn } } },
    { signal, idempotent: true, result: "json" },
  );
  return (Array.isArray(body) ? body : [])
    .filter((raw) => typeof raw?.name === "string" && typeof raw.version === "string")
    .map((raw) => ({
      name: raw.name,
      version: raw.version,
      additionalVersions: weightsOf(raw.additional_version_weights),
      urn: raw.alias_urn ?? `${urn}:!${raw.name}`,
      raw,
    }));
}

function weightsOf(value: unknown): Record<string, number> {
  const weights: Record<string, number> = {};
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    for (const [version, weight] of Object.entries(value)) {
      if (typeof weight === "number") weights[version] = weight;
    }
  }
  return weights;
}
