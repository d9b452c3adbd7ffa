// What the README checkers share: which documents they read and how a fenced block is found in one. One
// walker and one block reader, so the three checks (compiled TypeScript, run blocks, transcripts) never
// disagree about which files or which lines a block covers.
import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Every README.md of the repository, and the documents of docs/ the root README links to; sorted. */
export function documentedFiles(root) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "dist") continue;
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      // The READMEs, and the documents they link to in docs/ (the long material moved out of the root README).
      else if (entry.name === "README.md" || (dir === "docs" && entry.name.endsWith(".md"))) found.push(path);
    }
  };
  walk("");
  return found.sort();
}

/**
 * The fenced blocks of a document's lines: the info string (lower case), where the block opens and closes
 * (0-based indexes of the fence lines), its code, and the marker: the last non-blank line before it.
 */
export function fencedBlocks(lines) {
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```([A-Za-z]*)\s*$/.exec(lines[i] ?? "");
    if (!open) continue;
    let close = i + 1;
    while (close < lines.length && !/^```\s*$/.test(lines[close] ?? "")) close++;
    let marker = i - 1;
    while (marker >= 0 && (lines[marker] ?? "").trim() === "") marker--;
    out.push({
      info: (open[1] ?? "").toLowerCase(),
      open: i,
      close,
      code: lines.slice(i + 1, close).join("\n"),
      marker: (lines[marker] ?? "").trim(),
    });
    i = close;
  }
  return out;
}
