import type { ApiModule } from "./api-module.js";
import { fgs } from "./fgs/index.js";
import { iam } from "./iam/index.js";
import { ncf } from "./ncf/index.js";
import { ncfV3 } from "./ncf-v3/index.js";

/** The cloud APIs the emulator serves, one module per spec file: a new cloud is one folder and one line here. */
export const API_MODULES: readonly ApiModule[] = [ncf, ncfV3, fgs, iam];

export type { ApiModule, FieldParser, Handler, HandlerContext, HandlerResult } from "./api-module.js";
