import { parseFunctionUrn, ValidationError } from "@fnapi/fgs-client";
import type { FgsPruneTarget } from "./plan.js";

// What the prune functions check of their arguments beyond the options: the client, and each target of a plan
// (a plan is plain data: it may have been edited, or come from elsewhere).

/** Text a server controls, cut to a length a report can hold. */
export const clip = (value: unknown): string => {
  const text = typeof value === "string" ? value : String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
};

/** Refuses anything but a FunctionGraph client with the operations a prune uses. */
export function assertClient(fgs: unknown, call: string): void {
  const methods = ["listFunctions", "listVersions", "listAliases", "deleteFunction"];
  if (
    typeof fgs !== "object" ||
    fgs === null ||
    methods.some((m) => typeof (fgs as never)[m] !== "function")
  ) {
    throw new ValidationError("fgs", "is not a FunctionGraph client", `give createFgsClient(…) to ${call}`);
  }
}

/** A plan's target checked again: a URN of the spec's rules, of its kind, whose name (and version) it names. */
export function checkTarget(target: FgsPruneTarget): FgsPruneTarget {
  const refuse = (rule: string): never => {
    throw new ValidationError("plan.targets", `has a target that ${rule}`, "make the plan with planFgsPrune");
  };
  if (typeof target !== "object" || target === null || typeof target.urn !== "string")
    refuse("is not an object with a urn");
  let parts: ReturnType<typeof parseFunctionUrn> | undefined;
  try {
    parts = parseFunctionUrn(target.urn);
  } catch {
    refuse("breaks the URN rules");
  }
  if (!parts || parts.alias !== undefined || parts.name !== target.name)
    refuse("does not name what its URN names");
  const version = parts?.version;
  if (
    target.kind === "function" ? version !== undefined : version === undefined || version !== target.version
  ) {
    refuse("is not a function (7 fields) or a version (8 fields) as its kind says");
  }
  if (version === "latest") refuse("is the latest version (never deleted alone)");
  return target;
}
