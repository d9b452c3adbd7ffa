import type { ApiModule, SeedOf, StateOf } from "./api-module.js";
import { fgs } from "./fgs/index.js";
import { huaweiKeyless } from "./huawei-keyless/index.js";
import { iam } from "./iam/index.js";
import { ncf } from "./ncf/index.js";
import { ncfV3 } from "./ncf-v3/index.js";
import { ncpServerRole } from "./ncp-server-role/index.js";
import { oidcIssuer } from "./oidc-issuer/index.js";

// The registry: the cloud APIs the emulator serves, one module per spec file. A new cloud is one folder and
// one line in this list; its state, seed section and snapshot part follow from its module (`StateOf`).

export const API_MODULES = [
  ncf,
  ncfV3,
  fgs,
  iam,
  huaweiKeyless,
  ncpServerRole,
  oidcIssuer,
] as const satisfies readonly ApiModule[];

/** The emulator's state (GET /_emulator/state, the state file, snapshots): one section per module section. */
export type EmulatorState = StateOf<typeof API_MODULES>;

/** What a seed may leave out: every list defaults to empty. */
export type Seed = SeedOf<EmulatorState>;

/** One module section of the state, typed by the registry (for code that reads every module's state). */
export const sectionOf = <N extends keyof EmulatorState>(state: EmulatorState, name: N): EmulatorState[N] =>
  state[name];

export type {
  ApiModule,
  FieldParser,
  Handler,
  HandlerContext,
  HandlerResult,
  SeedOf,
  StateOf,
} from "./api-module.js";
export type { FgsFunction, FgsSection, HuaweiCredential } from "./fgs/state.js";
export type { HuaweiProject, HuaweiToken, HuaweiUser, IamSection } from "./iam/state.js";
export type { NcfAction, NcfPackage, NcpCredential, NcpSection, Platform } from "./ncf/state.js";
export type { NcfActionVersions, NcfVersion, NcpV3Fields, Region } from "./ncf-v3/state.js";
