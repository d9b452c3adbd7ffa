import type { FgsFunction } from "./state.js";

// FunctionGraph as plain functions over the functions list: no HTTP, and the list they are given is not
// changed. An accepted change is returned as a function the state store applies (once written).

export type FgsError =
  | { error: "ProjectMismatch" }
  | { error: "FunctionNotFound" }
  | { error: "AliasNotFound" }
  | { error: "VersionNotFound" }
  | { error: "LatestRefused"; details: string };

/** A change of the functions list, applied by the state store. */
export type FunctionsChange = (functions: FgsFunction[]) => void;

export const isFgsError = (x: unknown): x is FgsError => typeof x === "object" && x !== null && "error" in x;

function removeVersion(urn: string, version: string): FunctionsChange {
  return (functions) => {
    const fn = functions.find((f) => f.urn === urn);
    if (!fn) return;
    fn.versions = (fn.versions ?? []).filter((v) => v !== version);
    // Assumption: the aliases that point to a deleted version go with it (an alias cannot point at nothing).
    if (fn.aliases) {
      fn.aliases = Object.fromEntries(Object.entries(fn.aliases).filter(([, target]) => target !== version));
    }
  };
}

/** Deletes a function (7 fields), a version (`:v1`) or the version an alias points to (`:!prod`). */
export function deleteFunction(
  functions: readonly FgsFunction[],
  urn: string,
  projectId: string,
): FunctionsChange | FgsError {
  const fields = urn.split(":");
  // Assumption: a URN of another project than the path's is an invalid parameter.
  if (fields[3] !== projectId) return { error: "ProjectMismatch" };
  const base = fields.slice(0, 7).join(":");
  const fn = functions.find((f) => f.urn === base);
  if (!fn) return { error: "FunctionNotFound" };
  const qualifier = fields[7];
  if (qualifier === undefined) {
    return (next) => {
      const index = next.findIndex((f) => f.urn === base);
      if (index !== -1) next.splice(index, 1); // with all its versions and aliases
    };
  }
  if (qualifier.startsWith("!")) {
    const target = fn.aliases?.[qualifier.slice(1)];
    if (target === undefined) return { error: "AliasNotFound" };
    if (target === "latest")
      return { error: "LatestRefused", details: "the alias points to latest, which cannot be deleted" };
    return removeVersion(base, target); // the version the alias points to, as the docs say
  }
  if (qualifier === "latest")
    return { error: "LatestRefused", details: "the latest version cannot be deleted; delete the function" };
  if (!fn.versions?.includes(qualifier)) return { error: "VersionNotFound" };
  return removeVersion(base, qualifier);
}
