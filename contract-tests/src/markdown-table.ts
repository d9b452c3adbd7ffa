/** Prints rows as a Markdown table with padded columns, in the order of `headers`' keys. */
export function printTable<K extends string>(headers: Record<K, string>, rows: Record<K, string>[]): void {
  const keys = Object.keys(headers) as K[];
  const width = Object.fromEntries(
    keys.map((k) => [k, Math.max(headers[k].length, ...rows.map((r) => r[k].length))]),
  ) as Record<K, number>;
  const line = (cells: Record<K, string>) => `| ${keys.map((k) => cells[k].padEnd(width[k])).join(" | ")} |`;
  console.log(line(headers));
  console.log(`|${keys.map((k) => "-".repeat(width[k] + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
}
