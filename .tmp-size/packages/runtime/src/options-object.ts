import { ValidationError } from "./errors.js";

/** Refuses a missing or non-object options argument with a clear error instead of a property-access crash. */
export function assertOptionsObject(value: unknown, call: string): asserts value is object {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ValidationError(
      "options",
      value === undefined
        ? "are missing"
        : `are ${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value}`,
      `${call} takes an options object`,
    );
  }
}
