import { ValidationError } from "./errors.js";

// Options checked at run time, for callers without types (JavaScript, `as any`, JSON config): each public
// function names the kind of each option it reads, and a value of another kind is a ValidationError naming
// the option before anything is sent, instead of a TypeError deep inside, or a silently different call.

/** The kinds of value an option can take: a `typeof` name, or `signal` for an AbortSignal. */
export type OptionKind = "boolean" | "function" | "signal" | "string" | "number" | "object";

/** What a value is, for a message: its type, never its content (it may be a secret). */
const kindOf = (value: unknown) =>
  value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;

/** Refuses a missing or non-object options argument with a clear error instead of a property-access crash. */
export function assertOptionsObject(value: unknown, call: string): asserts value is object {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ValidationError(
      "options",
      value === undefined ? "are missing" : `are ${kindOf(value)}`,
      `${call} takes an options object`,
    );
  }
}

/**
 * `options` (an object, or `undefined` for none) with each option of `kinds` either absent or of its kind;
 * otherwise a ValidationError naming the option, the kind it must be and the call.
 */
export function checkOptions<T extends object>(
  options: T | undefined,
  call: string,
  kinds: { readonly [name: string]: OptionKind },
): T | Record<string, never> {
  if (options === undefined) return {};
  assertOptionsObject(options, call);
  for (const name in kinds) {
    const value = (options as Record<string, unknown>)[name];
    const kind = kinds[name];
    const signal = kind === "signal";
    const ok = signal
      ? typeof (value as AbortSignal)?.aborted === "boolean" &&
        typeof (value as AbortSignal).addEventListener === "function"
      : typeof value === kind && value !== null;
    if (value !== undefined && !ok) {
      throw new ValidationError(
        name,
        `is ${kindOf(value)}`,
        `${call} takes ${signal ? "an AbortSignal" : kind === "object" ? "an object" : `a ${kind}`} as ${name}`,
      );
    }
  }
  return options;
}
