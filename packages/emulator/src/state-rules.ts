import { parse as parseYaml } from "yaml";
import type { ApiModule, FieldParser } from "./apis/api-module.js";
import { object, onlyKeys, SeedError, type SpecSchemas } from "./seed-fields.js";
import { resolve, type SpecDocument } from "./spec-catalog.js";
import { expandedSize, mebibytes, STATE_BYTE_LIMIT } from "./state-size.js";

// The seed and the state share one shape (`--seed`, `--state`, GET/PUT /_emulator/state): one section per
// module `section`, each field owned by one module, which checks it with rules from its own spec. The core
// knows no cloud: the modules it is given decide the sections, fields and (through their parsers) types.
// `checkSeed` throws a SeedError naming the first bad field's path and its rule.

/** The modules whose fields make up the state `S`, and the schemas of each one's spec. */
export interface SeedRules<S extends object = object> {
  modules: readonly ApiModule[];
  schemas(api: string): SpecSchemas;
  /** The most the state may weigh once YAML aliases are expanded (default STATE_BYTE_LIMIT). */
  byteLimit?: number;
  /** Type only: the state these modules make. */
  readonly state?: S;
}

export function seedRules<S extends object = object>(
  specs: SpecDocument[],
  modules: readonly ApiModule[],
  byteLimit = STATE_BYTE_LIMIT,
): SeedRules<S> {
  const byApi = new Map<string, SpecSchemas>();
  for (const { api, document } of specs) {
    const schemas = resolve(document, resolve(document, document.components).schemas);
    byApi.set(api, { schema: (name) => (name in schemas ? resolve(document, schemas[name]) : undefined) });
  }
  return { modules, byteLimit, schemas: (api) => byApi.get(api) ?? { schema: () => undefined } };
}

/** Parses JSON or YAML text (YAML is a superset of JSON) and checks it. */
export function checkSeedText<S extends object>(text: string, rules: SeedRules<S>): S {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new SeedError("(document)", `must be JSON or YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  return checkSeed(document ?? {}, rules);
}

export function checkSeed<S extends object>(document: unknown, rules: SeedRules<S>): S {
  const limit = rules.byteLimit ?? STATE_BYTE_LIMIT;
  if (expandedSize(document, limit) === undefined) {
    throw new SeedError(
      "(document)",
      `must be at most ${mebibytes(limit)} once YAML aliases are expanded (each use of an anchor counts as a copy); write the state out in full or make it smaller`,
    );
  }
  const root = object(document, "(root)");
  const sections = new Map<string, ApiModule[]>();
  for (const module of rules.modules)
    sections.set(module.section, [...(sections.get(module.section) ?? []), module]);
  onlyKeys(root, "(root)", [...sections.keys()]);
  const state: Record<string, Record<string, unknown>> = {};
  for (const [section, modules] of sections) {
    const raw = object(root[section] ?? {}, section);
    onlyKeys(
      raw,
      section,
      modules.flatMap((m) => Object.keys(m.fields)),
    );
    const parsed: Record<string, unknown> = {};
    for (const module of modules) {
      for (const [field, parse] of Object.entries(module.fields) as [string, FieldParser][]) {
        parsed[field] = parse(raw[field], `${section}.${field}`, rules.schemas(module.api));
      }
    }
    state[section] = parsed;
  }
  // The modules' parsers built every field of every section: this is the state their types describe.
  return state as S;
}
