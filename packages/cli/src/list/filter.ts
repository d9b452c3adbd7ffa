import { UsageError } from "../errors.js";
import type { Flags } from "../flags.js";
import { compileGlob, type Glob, parseAge } from "../prune-criteria.js";
import { text } from "../text.js";

// The filters of the listing commands: --match, --exclude and --older-than, read as prune reads them (the
// same glob and age rules, prune-criteria.ts), with messages in flag names.

export interface ListFilter {
  /** The criteria, as --json shows them. */
  criteria: { match: string[]; exclude: string[]; olderThan?: string };
  name(name: string): boolean;
  /** Whether something last changed at `date` is old enough (no --older-than: everything is). */
  age(date: Date | undefined): boolean;
}

export function checkGlob(flag: "match" | "exclude", glob: string, command: string): Glob {
  if (glob.length === 0 || glob.length > 200) {
    throw new UsageError(
      text`--${flag} is empty or longer than 200 characters; give a glob such as "preview-*" (quoted)`,
      command,
    );
  }
  return compileGlob(glob);
}

/** The age in ms of `--older-than` (`7d`), or undefined; a bad value is a usage error naming the flag. */
export function olderThanMs(value: string | undefined, command: string): number | undefined {
  if (value === undefined) return undefined;
  try {
    return parseAge("--older-than", value);
  } catch {
    throw new UsageError(
      text`--older-than is "${value.slice(0, 40)}"; give a number and a unit: 90s, 30m, 12h, 7d or 2w`,
      command,
    );
  }
}

export function listFilter(flags: Flags, command: string, now = Date.now()): ListFilter {
  const match = flags.match ?? [];
  const exclude = flags.exclude ?? [];
  const include = match.map((g) => checkGlob("match", g, command));
  const except = exclude.map((g) => checkGlob("exclude", g, command));
  const ms = olderThanMs(flags["older-than"], command);
  return {
    criteria: {
      match,
      exclude,
      ...(flags["older-than"] !== undefined ? { olderThan: flags["older-than"] } : {}),
    },
    name: (name) =>
      (include.length === 0 || include.some((g) => g.matches(name))) && !except.some((g) => g.matches(name)),
    // Unknown age (no last_modified): never old enough, as prune counts it.
    age: (date) => ms === undefined || (date !== undefined && now - date.getTime() >= ms),
  };
}

export const LIST_FLAGS = {
  match:
    'only names that match this glob (* and ?), as prune reads it; repeat it for more.\nQuote it ("preview-*") so that the shell leaves it alone',
  exclude: "leave out names that match this glob (wins over --match); repeat it for more",
  "older-than": "only what was last changed longer ago than this (90s, 30m, 12h, 7d, 2w)",
} as const;

/** NCF lists carry no dates: --older-than is known to the ncf commands, and says why it cannot apply. */
export const NCF_OLDER_THAN =
  "not available for NCF: its API (v2.1) does not say when a package or action last\nchanged, so it is refused (exit 2); select with --match and --exclude";

export function refuseNcfAge(flags: Flags, command: string): void {
  if (flags["older-than"] === undefined) return;
  throw new UsageError(
    text`--older-than: NCF's API (v2.1) does not say when a package or action last changed, so fnapi ${command} cannot select by age; select with --match and --exclude`,
    command,
  );
}
