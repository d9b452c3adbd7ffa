import { parse as parseYaml } from "yaml";
import type { ApiModule } from "./apis/api-module.js";
import type { FgsSection } from "./apis/fgs/state.js";
import type { IamSection } from "./apis/iam/state.js";
import { API_MODULES } from "./apis/index.js";
import type { NcpSection } from "./apis/ncf/state.js";
import { object, onlyKeys, SeedError, type SpecSchemas } from "./seed-fields.js";
import { readBundledSpecs, resolve, type SpecDocument } from "./spec-catalog.js";

// The seed and the state share one shape (`--seed`, `--state`, GET/PUT /_emulator/state): one section per
// vendor, each field owned by one cloud module, which checks it with rules from its own spec. `parseSeed`
// throws a SeedError naming the first bad field's path and its rule.

export type { FgsFunction, HuaweiCredential } from "./apis/fgs/state.js";
export type { HuaweiProject, HuaweiToken, HuaweiUser } from "./apis/iam/state.js";
export type { NcfAction, NcfPackage, NcpCredential, Platform } from "./apis/ncf/state.js";
export { SeedError } from "./seed-fields.js";

export interface EmulatorState {
  ncp: NcpSection;
  huawei: FgsSection & IamSection;
}

/** What a seed may leave out: every list defaults to empty. */
export type Seed = {
  ncp?: Partial<EmulatorState["ncp"]>;
  huawei?: Partial<EmulatorState["huawei"]>;
};

/** The modules whose fields make up the state, and the schemas of each one's spec. */
export interface SeedRules {
  modules: readonly ApiModule[];
  schemas(api: string): SpecSchemas;
}

export function seedRules(specs: SpecDocument[], modules: readonly ApiModule[] = API_MODULES): SeedRules {
  const byApi = new Map<string, SpecSchemas>();
  for (const { api, document } of specs) {
    const schemas = resolve(document, resolve(document, document.components).schemas);
    byApi.set(api, { schema: (name) => (name in schemas ? resolve(document, schemas[name]) : undefined) });
  }
  return { modules, schemas: (api) => byApi.get(api) ?? { schema: () => undefined } };
}

let bundled: SeedRules | undefined;
const bundledRules = (): SeedRules => {
  bundled ??= seedRules(readBundledSpecs());
  return bundled;
};

/** Parses JSON or YAML text (YAML is a superset of JSON) and checks it. */
export function parseSeedText(text: string): EmulatorState {
  return checkSeedText(text, bundledRules());
}

/** Checks a parsed seed document with the rules of the bundled specs. */
export function parseSeed(document: unknown): EmulatorState {
  return checkSeed(document, bundledRules());
}

export function checkSeedText(text: string, rules: SeedRules): EmulatorState {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new SeedError("(document)", `must be JSON or YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  return checkSeed(document ?? {}, rules);
}

export function checkSeed(document: unknown, rules: SeedRules): EmulatorState {
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
      for (const [field, parse] of Object.entries(module.fields)) {
        parsed[field] = parse(raw[field], `${section}.${field}`, rules.schemas(module.api));
      }
    }
    state[section] = parsed;
  }
  return state as unknown as EmulatorState;
}
