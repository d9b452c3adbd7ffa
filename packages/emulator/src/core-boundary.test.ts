import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { API_MODULES } from "./apis/index.js";

// Issue #23: the core (src/ outside apis/<cloud>/) names no cloud in its code, and core and modules import
// each other in one direction only (a module may import the core; the core never imports a module, and only
// the registry and the public entries bind the two).

const SRC = dirname(fileURLToPath(import.meta.url));
const productFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return productFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") && entry.name !== "test-support.ts"
      ? [path]
      : [];
  });
const FILES = productFiles(SRC);
const importsOf = (file: string): string[] =>
  [...readFileSync(file, "utf8").matchAll(/^(?:import|export)[^;]*?from "(\.[^"]+)\.js";/gms)].map((m) =>
    resolve(dirname(file), `${m[1]}.ts`),
  );
const rel = (file: string) => relative(SRC, file);
const moduleFolder = (file: string) => /^apis\/([^/]+)\//.exec(rel(file))?.[1];
/** The registry and the package's public entries: where modules and core meet. */
const BINDERS = new Set([
  "apis/index.ts",
  "index.ts",
  "emulator-types.ts",
  "seed.ts",
  "server.ts",
  "command.ts",
  "cli.ts",
]);
// The inspector (issue #28) is a view over the registry's modules, as the public entries are: it may name them.
// A new cloud works without it; to be shown and explained there, it is added to inspector/ (decision 0014).
const isBinder = (file: string) => BINDERS.has(rel(file)) || rel(file).startsWith("inspector/");
const isCore = (file: string) => !moduleFolder(file) && !isBinder(file);
const code = (file: string) =>
  readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

describe("emulator core and modules (issue #23)", () => {
  it("the core's code names no cloud (its api, section, or folder)", () => {
    const names = [...new Set(API_MODULES.flatMap((m) => [m.api, m.section]))];
    expect(names.length).toBeGreaterThan(2);
    const core = FILES.filter(isCore);
    expect(core.map(rel)).toEqual(
      expect.arrayContaining(["pipeline.ts", "state-rules.ts", "state-store.ts"]),
    );
    const named = core.flatMap((file) =>
      names
        .filter((name) => new RegExp(`\\b${name}\\b`, "i").test(code(file)))
        .map((n) => `${rel(file)}: ${n}`),
    );
    expect(named).toEqual([]);
  });

  it("the core never imports a module or the registry", () => {
    const wrong = FILES.filter(isCore).flatMap((file) =>
      importsOf(file)
        .filter(
          (target) => moduleFolder(target) || rel(target) === "apis/index.ts" || rel(target) === "seed.ts",
        )
        .map((target) => `${rel(file)} -> ${rel(target)}`),
    );
    expect(wrong).toEqual([]);
  });

  it("has no import circle among product files", () => {
    const graph = new Map(FILES.map((file) => [file, importsOf(file)]));
    const circles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        circles.push([...trail.slice(trail.indexOf(file)), file].map(rel).join(" -> "));
        return;
      }
      state.set(file, "open");
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, "done");
    };
    for (const file of FILES) visit(file, []);
    expect(circles).toEqual([]);
  });
});
