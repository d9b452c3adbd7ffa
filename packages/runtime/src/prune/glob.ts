// Name globs matched without a regular expression built from input: `*` (any run of characters), `?` (one
// character), everything else literal, and the whole name must match. The glob is cut at its stars into
// segments; the first must start the name, the last must end it, and each one between is found leftmost after
// the previous one. Taking the leftmost place is never wrong (a later segment only has more room), so nothing
// is tried twice: a match costs at most |name| × |longest segment| comparisons, whatever the glob (a regex of
// `.*a.*a.*b` backtracks: quadratic and worse in the name).

/** A glob ready to match names. */
export interface Glob {
  /** Whether the whole `name` matches. `steps`, when given, counts the characters compared. */
  matches(name: string, steps?: { count: number }): boolean;
}

/** Whether `segment` (with `?` for any character) is at `name[at…]`. */
function segmentAt(name: string, at: number, segment: string, steps?: { count: number }): boolean {
  if (at + segment.length > name.length) return false;
  for (let i = 0; i < segment.length; i++) {
    if (steps) steps.count++;
    const c = segment[i];
    if (c !== "?" && c !== name[at + i]) return false;
  }
  return true;
}

/** The leftmost place from `from` where `segment` is, or -1. */
function find(name: string, from: number, segment: string, steps?: { count: number }): number {
  if (!segment.includes("?")) {
    const at = name.indexOf(segment, from);
    if (steps) steps.count += (at < 0 ? name.length - from : at - from) + segment.length;
    return at;
  }
  for (let at = from; at + segment.length <= name.length; at++) {
    if (segmentAt(name, at, segment, steps)) return at;
  }
  return -1;
}

/** `glob` compiled: matching never builds a regex and is linear in the name for a given glob. */
export function compileGlob(glob: string): Glob {
  const segments = glob.split("*");
  const first = segments[0] as string;
  if (segments.length === 1) {
    return { matches: (name, steps) => name.length === first.length && segmentAt(name, 0, first, steps) };
  }
  const last = segments[segments.length - 1] as string;
  const middle = segments.slice(1, -1).filter((s) => s.length > 0);
  const least = first.length + last.length + middle.reduce((n, s) => n + s.length, 0);
  return {
    matches(name, steps) {
      if (name.length < least) return false;
      if (!segmentAt(name, 0, first, steps)) return false;
      const end = name.length - last.length;
      if (!segmentAt(name, end, last, steps)) return false;
      let at = first.length;
      for (const segment of middle) {
        const found = find(name.slice(0, end), at, segment, steps);
        if (found < 0) return false;
        at = found + segment.length;
      }
      return true;
    },
  };
}
