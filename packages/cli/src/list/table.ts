import { join, safe, type Text } from "../text.js";

// A listing as a text table: a header and aligned columns, every cell escaped (names come from the server).

export function tableText(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  empty: string,
): Text {
  if (rows.length === 0) return safe(empty);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return join([line(header), ...rows.map(line)]);
}

/** `2026-11-10T08:00:00.000Z`, or `-` when the server sent no date. */
export const dateCell = (date: Date | undefined): string => (date ? date.toISOString() : "-");
