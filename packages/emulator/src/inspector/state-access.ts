import type { EmulatorState } from "../seed.js";
import type { HuaweiKey } from "./explain-huawei.js";
import type { NcpKey } from "./explain-ncp.js";

// The one place the inspector reads the state's shape (the emulator core may move where each cloud keeps
// its slice): the signing keys a refused signature is re-checked with, and the state view's sections.

export interface SigningKeys {
  ncp: readonly NcpKey[];
  huawei: readonly HuaweiKey[];
}

/**
 * The state of an emulator started with any set of modules (`startEmulatorWith`): a section is there when its
 * module is, so each read checks.
 */
export type AnyState = Partial<EmulatorState>;

export function signingKeysOf(state: AnyState): SigningKeys {
  return { ncp: state.ncp?.credentials ?? [], huawei: state.huawei?.credentials ?? [] };
}

export interface StateSections {
  ncp: Pick<EmulatorState["ncp"], "packages">;
  huawei: Pick<EmulatorState["huawei"], "functions" | "users" | "tokens" | "projects">;
}

export function sectionsOf(state: AnyState): StateSections {
  const { packages } = state.ncp ?? { packages: [] };
  const { functions = [], users = [], tokens = [], projects = [] } = state.huawei ?? {};
  return { ncp: { packages }, huawei: { functions, users, tokens, projects } };
}
