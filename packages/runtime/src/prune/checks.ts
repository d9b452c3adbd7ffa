import { MAX_TIMER_MS } from "../abort.js";
import { ValidationError } from "../errors.js";
import { assertOptionsObject } from "../options-object.js";
import { compileGlob, type Glob } from "./glob.js";

// The options of the prune functions, checked at run time for callers without types (JavaScript, JSON
// config): a value of the wrong kind is a ValidationError naming the option and the rule, before anything is
// listed or deleted — never a TypeError deep inside, a silent no-op or a wait without end.

const kindOf = (value: unknown) =>
  value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;

/** The options object of `call` (`undefined` allowed when `optional`), as a record to read from. */
export function pruneOptions(value: unknown, call: string, optional: boolean): Record<string, unknown> {
  if (value === undefined && optional) return {};
  assertOptionsObject(value, call);
  return value as Record<string, unknown>;
}

/** Globs: a list of 1-200 character strings (`required`: at least one). */
export function checkGlobs(field: string, value: unknown, required: boolean): Glob[] {
  const globs = value === undefined ? [] : value;
  if (!Array.isArray(globs) || globs.some((g) => typeof g !== "string" || g.length === 0 || g.length > 200)) {
    throw new ValidationError(
      field,
      "is not a list of globs",
      'give non-empty strings of at most 200 characters, such as "preview-*"',
    );
  }
  if (required && globs.length === 0) {
    throw new ValidationError(field, "is empty", 'give at least one name glob (all of them: "*")');
  }
  return globs.map(compileGlob);
}

/** The name filter of a prune: a name matches one `match` glob and no `exclude` glob. */
export interface NameFilter {
  /** Whether `name` is selected. */
  matches(name: string): boolean;
}

/** `match` and `exclude` checked and compiled. */
export function nameFilter(match: unknown, exclude: unknown): NameFilter {
  const include = checkGlobs("match", match, true);
  const except = checkGlobs("exclude", exclude, false);
  return {
    matches: (name) => include.some((g) => g.matches(name)) && !except.some((g) => g.matches(name)),
  };
}

const UNITS: Record<string, number> = { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 604800e3 };

/** `7d`, `12h`, `30m`, `90s`, `2w`, or milliseconds: the age in milliseconds. */
export function parseAge(field: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  const m = typeof value === "string" ? /^(\d{1,6})([smhdw])$/.exec(value) : null;
  if (!m) {
    throw new ValidationError(
      field,
      typeof value === "string" ? "is not an age" : `is ${kindOf(value)}`,
      "give a number and a unit: 90s, 30m, 12h, 7d or 2w",
    );
  }
  return Number(m[1]) * (UNITS[m[2] as string] as number);
}

/** An integer from `min` to `max`, or `fallback` when absent. */
export function checkCount(
  field: string,
  value: unknown,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(
      field,
      typeof value === "number" ? `is ${value}` : `is ${kindOf(value)}`,
      `it must be an integer from ${min} to ${max}`,
    );
  }
  return value;
}

/** Milliseconds from 0 to what a timer holds, or `fallback` when absent ("10" and NaN are refused). */
export function checkMs(field: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > MAX_TIMER_MS) {
    throw new ValidationError(
      field,
      typeof value === "number" ? `is ${value}` : `is ${kindOf(value)}`,
      `it must be a number of milliseconds from 0 to ${MAX_TIMER_MS}`,
    );
  }
  return value;
}

/** A valid Date (the clock of a plan), or now when absent. */
export function checkDate(field: string, value: unknown): Date {
  if (value === undefined) return new Date();
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new ValidationError(
      field,
      value instanceof Date ? "is an invalid Date" : `is ${kindOf(value)}`,
      "give a Date (such as new Date()), or leave it out for now",
    );
  }
  return value;
}

/** An AbortSignal, or undefined. */
export function checkSignal(field: string, value: unknown): AbortSignal | undefined {
  if (value === undefined) return undefined;
  if (typeof AbortSignal === "undefined" || !(value instanceof AbortSignal)) {
    throw new ValidationError(field, `is ${kindOf(value)}`, "give an AbortSignal (controller.signal)");
  }
  return value;
}

/** A function, or undefined. */
export function checkFunction<F>(field: string, value: unknown): F | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "function") {
    throw new ValidationError(field, `is ${kindOf(value)}`, "give a function");
  }
  return value as F;
}

/** What a prune waits on before it starts each target: a retry strategy's shared back-off. */
export interface PruneGate {
  /** Resolves when no back-off is in force (rejects when `signal` aborts first). */
  acquireAttempt(signal?: AbortSignal): Promise<void>;
}

/** A PruneGate (an object with `acquireAttempt`), or undefined. */
export function checkGate(field: string, value: unknown): PruneGate | undefined {
  if (value === undefined) return undefined;
  if (
    typeof value !== "object" ||
    value === null ||
    typeof (value as PruneGate).acquireAttempt !== "function"
  ) {
    throw new ValidationError(
      field,
      `is ${kindOf(value)} without acquireAttempt()`,
      "give the retry strategy the client was created with (retryStrategy), or leave it out",
    );
  }
  return value as PruneGate;
}

/** A string matching `pattern`, or undefined. */
export function checkName(field: string, value: unknown, pattern: RegExp, rule: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.length > 200 || !pattern.test(value)) {
    throw new ValidationError(field, typeof value === "string" ? "is invalid" : `is ${kindOf(value)}`, rule);
  }
  return value;
}
