import type { EmulatorState } from "../seed.js";

// The one place the inspector reads the state's shape (the emulator core may move where each cloud keeps
// its slice): the state view's sections.

/**
 * The state of an emulator started with any set of modules (`startEmulatorWith`): a section is there when its
 * module is, so each read checks.
 */
export type AnyState = Partial<EmulatorState>;

export interface StateSections {
  ncp: Pick<EmulatorState["ncp"], "packages">;
  huawei: Pick<EmulatorState["huawei"], "functions" | "users" | "tokens" | "projects">;
}

export function sectionsOf(state: AnyState): StateSections {
  const { packages } = state.ncp ?? { packages: [] };
  const { functions = [], users = [], tokens = [], projects = [] } = state.huawei ?? {};
  return { ncp: { packages }, huawei: { functions, users, tokens, projects } };
}
