import { ValidationError } from "@fnapi/runtime";
import { quoteValue } from "@fnapi/runtime/internal";
import { assertActionName, assertPackageName, PACKAGE_NAME_PATTERN, type Platform } from "../package-name.js";

// API v3's rules for what a caller passes: `platform` taken in either case and sent upper case; `default`
// (no package) and `-` (every package) only where v3 gives them a meaning.

/** v3's platform values. */
export type V3Platform = "VPC" | "CLASSIC";

/** `vpc`/`classic` (v2.1's words, what the client's types take) or v3's `VPC`/`CLASSIC`, as v3 sends it. */
export function v3Platform(value: unknown = "vpc"): V3Platform {
  if (value === "vpc" || value === "VPC") return "VPC";
  if (value === "classic" || value === "CLASSIC") return "CLASSIC";
  throw new ValidationError("platform", `is ${quoteValue(String(value))}`, 'it must be "vpc" or "classic"');
}

/** The lower-case platform the client's results use (as v2.1 reports it). */
export const resultPlatform = (platform: V3Platform): Platform => (platform === "VPC" ? "vpc" : "classic");

/** A package of a package route: `default` is not a package in v3. */
export function assertV3PackageName(value: unknown): asserts value is string {
  if (value === "default")
    throw new ValidationError("packageName", '"default" is reserved', "API v3 has no package named default");
  assertPackageName(value);
}

/** The package of one action: a package name, or `default` for none (`-` means every package, lists only). */
export function assertV3ActionPackage(value: unknown, listing = false): asserts value is string {
  if (value === "default" || (listing && value === "-")) return;
  if (value === "-")
    throw new ValidationError(
      "packageName",
      '"-" means every package in API v3 (listActions only)',
      'use "default" for the actions in no package',
    );
  assertPackageName(value);
}

/** A version name follows the name rule of every created name. */
export function assertVersionName(value: unknown): asserts value is string {
  if (typeof value === "string" && PACKAGE_NAME_PATTERN.test(value)) return;
  throw new ValidationError(
    "versionName",
    `is ${quoteValue(String(value))}`,
    'it must be 1–50 English letters, digits, "-" or "_", not starting with "-"',
  );
}

export { assertActionName };
