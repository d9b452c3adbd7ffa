import type { ApiModule } from "./api-module.js";
import { fgs } from "./fgs.js";
import { iam } from "./iam.js";
import { ncf } from "./ncf.js";

/** The APIs the emulator has handlers for, by spec name. */
export const API_MODULES: Record<string, ApiModule> = { ncf, fgs, iam };

export type { ApiModule, Handler, HandlerContext, HandlerResult } from "./api-module.js";
