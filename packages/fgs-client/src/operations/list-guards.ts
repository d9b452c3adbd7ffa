// What the listing operations read from a 2xx answer, checked before it is used (a hostile or broken server,
// a proxy's own 200 page, an API change): the fields `specs/fgs.yaml` requires. Each returns what is wrong, or
// `undefined`; the client kit turns a problem into a ResponseBodyError naming the operation (never retried).
// In their own module, with the listing operations: a bundle of `deleteFunction` alone does not carry them.

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const optionalNumber = (value: unknown) => value === undefined || typeof value === "number";

function firstInvalid(list: unknown[], path: string, valid: (value: Json) => boolean, rule: string) {
  const index = list.findIndex((value) => !isObject(value) || !valid(value));
  return index < 0 ? undefined : `has ${path}[${index}] that is not ${rule}`;
}

/** A page: `{ <key>: item[], next_marker?: number, count?: number }`. */
function checkPage(body: unknown, key: string, valid: (value: Json) => boolean, rule: string) {
  if (!isObject(body)) return "is not an object";
  const items = body[key];
  if (!Array.isArray(items)) return `has no ${key} array`;
  if (!optionalNumber(body.next_marker)) return "has a next_marker that is not a number";
  if (!optionalNumber(body.count)) return "has a count that is not a number";
  return firstInvalid(items, key, valid, rule);
}

/** `FunctionList`: every item a string `func_urn` of at least 7 fields and a string `func_name`. */
export const checkFunctionList = (body: unknown) =>
  checkPage(
    body,
    "functions",
    (f) =>
      typeof f.func_urn === "string" && f.func_urn.split(":").length >= 7 && typeof f.func_name === "string",
    "an object with a func_urn of 7 or 8 fields and a string func_name",
  );

/** `VersionList`: every item a string `version`. */
export const checkVersionList = (body: unknown) =>
  checkPage(body, "versions", (v) => typeof v.version === "string", "an object with a string version");

/** `Alias[]`: string `name` and `version`, weights (when present) an object of numbers. */
export function checkAliasList(body: unknown): string | undefined {
  if (!Array.isArray(body)) return "is not an array";
  return firstInvalid(
    body,
    "",
    (a) =>
      typeof a.name === "string" &&
      typeof a.version === "string" &&
      (a.additional_version_weights === undefined ||
        (isObject(a.additional_version_weights) &&
          Object.values(a.additional_version_weights).every((w) => typeof w === "number"))),
    "an object with a string name and version (and numeric additional_version_weights)",
  );
}
