import { replaced, without } from "../../immutable.js";
import type { FgsFunction } from "./state.js";

// FunctionGraph as plain functions over the functions list: no HTTP, no mutation.

export type FgsError =
  | { error: "ProjectMismatch" }
  | { error: "FunctionNotFound" }
  | { error: "AliasNotFound" }
  | { error: "VersionNotFound" }
  | { error: "LatestRefused"; details: string };

export const isFgsError = (x: unknown): x is FgsError => typeof x === "object" && x !== null && "error" in x;

function withoutVersion(functions: FgsFunction[], fn: FgsFunction, version: string): FgsFunction[] {
  const next: FgsFunction = { ...fn, versions: (fn.versions ?? []).filter((v) => v !== version) };
  // Assumption: the aliases that point to a deleted version go with it (an alias cannot point at nothing).
  if (fn.aliases) {
    next.aliases = Object.fromEntries(Object.entries(fn.aliases).filter(([, target]) => target !== version));
  }
  return replaced(functions, functions.indexOf(fn), next);
}

/** Deletes a function (7 fields), a version (`:v1`) or the version an alias points to (`:!prod`). */
export function deleteFunction(
  functions: FgsFunction[],
  urn: string,
  projectId: string,
): FgsFunction[] | FgsError {
  const fields = urn.split(":");
  // Assumption: a URN of another project than the path's is an invalid parameter.
  if (fields[3] !== projectId) return { error: "ProjectMismatch" };
  const fn = functions.find((f) => f.urn === fields.slice(0, 7).join(":"));
  if (!fn) return { error: "FunctionNotFound" };
  const qualifier = fields[7];
  if (qualifier === undefined) return without(functions, functions.indexOf(fn)); // with all its versions and aliases
  if (qualifier.startsWith("!")) {
    const target = fn.aliases?.[qualifier.slice(1)];
    if (target === undefined) return { error: "AliasNotFound" };
    if (target === "latest")
      return { error: "LatestRefused", details: "the alias points to latest, which cannot be deleted" };
    return withoutVersion(functions, fn, target); // the version the alias points to, as the docs say
  }
  if (qualifier === "latest")
    return { error: "LatestRefused", details: "the latest version cannot be deleted; delete the function" };
  if (!fn.versions?.includes(qualifier)) return { error: "VersionNotFound" };
  return withoutVersion(functions, fn, qualifier);
}
