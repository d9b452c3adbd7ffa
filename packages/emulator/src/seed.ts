import { API_MODULES, type EmulatorState } from "./apis/index.js";
import { readBundledSpecs } from "./spec-catalog.js";
import { checkSeed, checkSeedText, type SeedRules, seedRules } from "./state-rules.js";

// The seed of the emulator as published: the state of the registry's modules, checked with the rules of the
// bundled specs. The checking itself (state-rules.ts) knows no cloud; this file binds it to the registry.

export type {
  EmulatorState,
  FgsFunction,
  HuaweiCredential,
  HuaweiProject,
  HuaweiToken,
  HuaweiUser,
  NcfAction,
  NcfPackage,
  NcpCredential,
  Platform,
  Seed,
} from "./apis/index.js";
export { SeedError } from "./seed-fields.js";
export { checkSeed, checkSeedText, type SeedRules, seedRules } from "./state-rules.js";

let bundled: SeedRules<EmulatorState> | undefined;
const bundledRules = (): SeedRules<EmulatorState> => {
  bundled ??= seedRules(readBundledSpecs(), API_MODULES);
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
