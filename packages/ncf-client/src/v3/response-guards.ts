// What the v3 operations read from a 2xx answer, checked before it is used (specs/ncf-v3.yaml): a page's meta
// and items, a package. Returns what is wrong, or `undefined`; the client kit turns a problem into a
// ResponseBodyError naming the operation.

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

/** `PaginationMeta` flat beside `key`, an array of objects with a string `name`. */
export function checkPage(body: unknown, key: string): string | undefined {
  if (!isObject(body)) return "is not an object";
  for (const field of ["pageNo", "totalPages"]) {
    if (!isCount(body[field])) return `has no ${field} count`;
  }
  const items = body[key];
  if (!Array.isArray(items)) return `has no ${key} array`;
  const index = items.findIndex((item) => !isObject(item) || typeof item.name !== "string");
  return index < 0 ? undefined : `has ${key}[${index}] that is not an object with a string name`;
}

/** `PackageResponse`: `{ package: { name, actionNames?: string[] } }`. */
export function checkPackage(body: unknown): string | undefined {
  if (!isObject(body) || !isObject(body.package)) return "has no package object";
  const { name, actionNames } = body.package;
  if (typeof name !== "string") return "has no package.name string";
  if (actionNames === undefined) return undefined;
  if (!Array.isArray(actionNames) || actionNames.some((a) => typeof a !== "string"))
    return "has package.actionNames that is not an array of names";
  return undefined;
}
