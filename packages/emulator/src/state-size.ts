// How big a state is once every YAML alias is expanded: an estimate of its JSON text in bytes (strings and
// keys by length, 8 bytes per other value). A parsed YAML document shares one object per anchor, but the
// checked state, its state file, GET /_emulator/state and every snapshot hold each use separately, so a
// small document with anchors used many times (the "billion laughs" class) is measured as what it becomes.
// The walk stops as soon as the limit is passed: measuring an oversized document costs at most the limit.

/** The most a state may weigh, expanded (seed, state file, PUT /_emulator/state). */
export const STATE_BYTE_LIMIT = 32 * 1024 * 1024;

/** The estimated expanded size of `value`, or undefined once it exceeds `limit`. */
export function expandedSize(value: unknown, limit: number): number | undefined {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next === "string") size += next.length + 2;
    else if (Array.isArray(next)) {
      size += 2 + next.length;
      for (const item of next) stack.push(item);
    } else if (typeof next === "object" && next !== null) {
      size += 2;
      for (const [key, item] of Object.entries(next)) {
        size += key.length + 4;
        stack.push(item);
      }
    } else size += 8;
    if (size > limit) return undefined;
  }
  return size;
}

export const mebibytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;
