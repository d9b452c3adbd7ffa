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

// Listing (listFunctions, listFunctionVersions, listVersionAliases): read-only, paged by `marker` (an offset)
// and `maxitems` (1-400; absent or 0 means 400), as Huawei's SDK models describe. The last page answers
// `next_marker` equal to `count` (an assumption: the end is not documented; record 0010).

const MAX_ITEMS = 400;

/** A page of `items`: the slice, the next marker and the count; or the refusal of a bad `maxitems`. */
export type Page<T> = { items: T[]; next: number; count: number } | { error: "BadMaxItems" };

export function page<T>(
  items: readonly T[],
  marker: string | undefined,
  maxitems: string | undefined,
): Page<T> {
  let size = MAX_ITEMS;
  if (maxitems !== undefined) {
    const n = Number(maxitems);
    if (!Number.isInteger(n) || n < 0) return { error: "BadMaxItems" };
    size = n === 0 || n > MAX_ITEMS ? MAX_ITEMS : n;
  }
  const start = Math.min(Number(marker ?? "0") || 0, items.length);
  const slice = items.slice(start, start + size);
  return { items: slice, next: start + slice.length, count: items.length };
}

/** When the function was last changed: its seeded `lastModified`, or the emulator's clock. */
export const lastModifiedOf = (fn: FgsFunction, now: number): string =>
  fn.lastModified ?? new Date(now).toISOString();

/** The functions of a project (and package, when given), in the state's order. */
export function listFunctions(
  functions: readonly FgsFunction[],
  projectId: string,
  packageName: string | undefined,
): FgsFunction[] {
  return functions.filter((f) => {
    const fields = f.urn.split(":");
    return fields[3] === projectId && (packageName === undefined || fields[5] === packageName);
  });
}

/** The function a listing's URN names (7 fields, or with `:latest`), or why not. */
export function findFunction(
  functions: readonly FgsFunction[],
  urn: string,
  projectId: string,
): FgsFunction | FgsError {
  const fields = urn.split(":");
  if (fields[3] !== projectId) return { error: "ProjectMismatch" };
  const base = fields.slice(0, 7).join(":");
  return functions.find((f) => f.urn === base) ?? { error: "FunctionNotFound" };
}

/** A function's versions, `latest` first. */
export const versionsOf = (fn: FgsFunction): string[] => ["latest", ...(fn.versions ?? [])];

/** A version's time: from a `vYYYYMMDD-HHMMSS` name when it has one, else the function's. */
export function versionTime(fn: FgsFunction, version: string, now: number): string {
  const m = /^v(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/.exec(version);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : lastModifiedOf(fn, now);
}
