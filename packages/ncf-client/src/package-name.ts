import { ValidationError } from "@fnapi/runtime";
import { quoteValue } from "@fnapi/runtime/internal";

// A test keeps PACKAGE_NAME_PATTERN and the spec in step.
/** The packageName rule of specs/ncf.yaml (components.schemas.PackageName). */
export const PACKAGE_NAME_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,49}$/;
const RULE = 'it must be 1–50 English letters, digits, "-" or "_", not starting with "-"';

/** The NCF platform a package lives on: VPC, or the older Classic. */
export type Platform = "vpc" | "classic";
export const PLATFORMS: readonly Platform[] = ["vpc", "classic"];

/** Checks a package name against the API's rule; the error names the problem. */
export function assertPackageName(value: unknown): asserts value is string {
  assertName("packageName", value);
}

/** An action name follows the package-name rule (specs/ncf.yaml, components.schemas.ActionName). */
export function assertActionName(value: unknown): asserts value is string {
  assertName("actionName", value);
}

/** The package of an action: a package name, or `-` for the actions in no package. */
export function assertActionPackageName(value: unknown): asserts value is string {
  if (value === "-") return;
  assertName("packageName", value, `${RULE}; or "-" for the actions in no package`);
}

function assertName(field: string, value: unknown, rule = RULE): asserts value is string {
  if (typeof value !== "string")
    throw new ValidationError(field, `is ${typeof value}`, "it must be a string");
  if (PACKAGE_NAME_PATTERN.test(value)) return;
  throw new ValidationError(field, describeProblem(value), rule);
}

function describeProblem(value: string): string {
  if (value.length === 0) return "is empty";
  if (value.length > 50) return `is ${value.length} characters long`;
  if (value.startsWith("-")) return `${quoteValue(value)} starts with "-"`;
  const bad = [...value].findIndex((char) => !/[A-Za-z0-9_-]/.test(char));
  return `${quoteValue(value)} contains ${quoteValue([...value][bad] ?? "")} at position ${bad}`;
}

export function assertPlatform(value: unknown): asserts value is Platform {
  if (value === "vpc" || value === "classic") return;
  throw new ValidationError("platform", `is ${quoteValue(String(value))}`, 'it must be "vpc" or "classic"');
}
