import { ValidationError } from "@fnapi/fgs-client";

// The filters of a prune: name globs and an age. Checked before anything is listed.

/** `*` (any run of characters) and `?` (one character); everything else is literal. The whole name must match. */
export function globToRegExp(glob: string): RegExp {
  const body = [...glob]
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[\\^$.|+()[\]{}]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`, "s");
}

export function checkGlobs(field: string, value: unknown, required: boolean): RegExp[] {
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
  return globs.map(globToRegExp);
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
      `is ${JSON.stringify(String(value).slice(0, 40))}`,
      "give a number and a unit: 90s, 30m, 12h, 7d or 2w",
    );
  }
  return Number(m[1]) * (UNITS[m[2] as string] as number);
}

export function checkCount(
  field: string,
  value: unknown,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(field, `is ${String(value)}`, `it must be an integer from ${min} to ${max}`);
  }
  return value;
}

export interface NameFilter {
  matches(name: string): boolean;
}

export function nameFilter(match: unknown, exclude: unknown): NameFilter {
  const include = checkGlobs("match", match, true);
  const except = checkGlobs("exclude", exclude, false);
  return {
    matches: (name) => include.some((r) => r.test(name)) && !except.some((r) => r.test(name)),
  };
}
