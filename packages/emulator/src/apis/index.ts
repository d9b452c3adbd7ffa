import type { ApiModule } from "./api-module.js";
import { fgs } from "./fgs/index.js";
import { huaweiKeyless } from "./huawei-keyless/index.js";
import { iam } from "./iam/index.js";
import { ncf } from "./ncf/index.js";
import { ncpServerRole } from "./ncp-server-role/index.js";
import { oidcIssuer } from "./oidc-issuer/index.js";

/** The cloud APIs the emulator serves, one module per spec file: a new cloud is one folder and one line here. */
export const API_MODULES: readonly ApiModule[] = [ncf, fgs, iam, huaweiKeyless, ncpServerRole, oidcIssuer];

export type { ApiModule, FieldParser, Handler, HandlerContext, HandlerResult } from "./api-module.js";
