// What the operations read from a 2xx answer, checked before it is returned (a hostile or broken server, a
// proxy's own 200 page, an API change): the fields each operation reads, as `specs/ncf.yaml` requires them.
// Hand-written and small on purpose: no schema library on the hot path. Each returns what is wrong, or
// `undefined`; the client kit turns a problem into a ResponseBodyError naming the operation.

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** `ActionSummary`: an object with a string `name` (the only required field). */
const isActionSummary = (value: unknown) => isObject(value) && typeof value.name === "string";

/** The index of the first element of `list` that `valid` refuses, as a problem. */
function firstInvalid(list: unknown[], path: string, valid: (value: unknown) => boolean, rule: string) {
  const index = list.findIndex((value) => !valid(value));
  return index < 0 ? undefined : `has ${path}[${index}] that is not ${rule}`;
}

/** `ActionListResponse`: `{ content: { actions: ActionSummary[] } }`. */
export function checkActionList(body: unknown): string | undefined {
  if (!isObject(body) || !isObject(body.content)) return "has no content object";
  const { actions } = body.content;
  if (!Array.isArray(actions)) return "has no content.actions array";
  return firstInvalid(actions, "content.actions", isActionSummary, "an object with a string name");
}

/** `PackageResponse`: `{ content: Package }`, a string `name`, `actions` absent or names or summaries. */
export function checkPackage(body: unknown): string | undefined {
  if (!isObject(body) || !isObject(body.content)) return "has no content object";
  const { name, actions } = body.content;
  if (typeof name !== "string") return "has no content.name string";
  if (actions === undefined) return undefined;
  if (!Array.isArray(actions)) return "has content.actions that is not an array";
  return firstInvalid(
    actions,
    "content.actions",
    (action) => typeof action === "string" || isActionSummary(action),
    "a name or an object with a string name",
  );
}
