// results.json is committed and the repository's linter formats JSON: arrays of plain values on one line
// when they fit in 110 columns, objects always expanded. Writing it that way keeps every new run lint-clean
// without running the formatter over a generated file.

const LINE_WIDTH = 110;
const isPlain = (v) => v === null || typeof v !== "object";

export function formatJson(value, replacer = (_key, v) => v) {
  return `${write(replacer("", value), 0, "", "", replacer)}\n`;
}

function write(value, depth, prefix, suffix, replacer) {
  const indent = "  ".repeat(depth);
  if (isPlain(value)) return JSON.stringify(value);
  const entries = Array.isArray(value)
    ? value.map((v, i) => [undefined, replacer(String(i), v)])
    : Object.entries(value)
        .map(([k, v]) => [k, replacer(k, v)])
        .filter(([, v]) => v !== undefined && typeof v !== "function");
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) return open + close;
  if (Array.isArray(value) && entries.every(([, v]) => isPlain(v))) {
    const inline = `[${entries.map(([, v]) => JSON.stringify(v ?? null)).join(", ")}]`;
    if (indent.length + prefix.length + inline.length + suffix.length <= LINE_WIDTH) return inline;
  }
  const inner = "  ".repeat(depth + 1);
  const lines = entries.map(([k, v], i) => {
    const key = k === undefined ? "" : `${JSON.stringify(k)}: `;
    const comma = i < entries.length - 1 ? "," : "";
    return `${inner}${key}${write(v ?? null, depth + 1, key, comma, replacer)}${comma}`;
  });
  return `${open}\n${lines.join("\n")}\n${indent}${close}`;
}
