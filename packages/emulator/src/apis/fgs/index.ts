import type { ApiFailure } from "../../error-body.js";
import { type ApiModule, failure, type HandlerResult } from "../api-module.js";
import { authenticateHuawei, claimedHuawei } from "./auth.js";
import { deleteFunction, type FgsError, isFgsError } from "./backend.js";
import { fgsFields } from "./state.js";

// Huawei FunctionGraph (specs/fgs.yaml). Thin handlers over backend.ts; errors in Huawei's
// `{error_code, error_msg}` shape (gateway errors add `request_id`).

const ANSWERS: Record<FgsError["error"], (e: FgsError) => HandlerResult> = {
  ProjectMismatch: () =>
    failure(400, "FSS.0400", "Invalid parameter", "the URN's project id differs from the path's project_id"),
  FunctionNotFound: () => failure(404, "FSS.1051", "Function does not exist"),
  AliasNotFound: () => failure(404, "FSS.1053", "Alias does not exist"),
  VersionNotFound: () => failure(404, "FSS.1052", "Version does not exist"),
  LatestRefused: (e) => failure(400, "FSS.1015", "Invalid version", "details" in e ? e.details : undefined),
};

const gateway = (status: number, code: string, message: string): ApiFailure => ({
  status,
  code,
  message,
  gateway: true,
});

export const fgs: ApiModule = {
  api: "fgs",
  section: "huawei",
  fields: fgsFields,
  authenticate: authenticateHuawei,
  claimed: claimedHuawei,
  handlers: {
    deleteFunction(c) {
      const outcome = deleteFunction(
        c.state.huawei.functions,
        c.path.function_urn as string,
        c.path.project_id as string,
      );
      if (isFgsError(outcome)) return ANSWERS[outcome.error](outcome);
      return { status: 204, change: (state) => outcome(state.huawei.functions) };
    },
  },
  errorBody: (f, requestId) => ({
    error_code: f.code,
    error_msg: f.details ? `${f.message}: ${f.details}` : f.message,
    ...(f.gateway ? { request_id: requestId } : {}),
  }),
  badParameter: (_op, name, rule) => ({
    status: 400,
    code: "FSS.0400",
    message: "Invalid parameter",
    details: `${name} ${rule}`,
  }),
  notFound: () =>
    gateway(404, "APIGW.0101", "The API does not exist or has not been published in the environment"),
  forbidden: () => ({
    status: 403,
    code: "FSS.0403",
    message: "Forbidden",
    details: "the credential may not call this operation",
  }),
  payloadTooLarge: () => gateway(413, "APIGW.0201", "Request entity too large"),
  internalError: (details) => ({ status: 500, code: "FSS.0500", message: "Internal error", details }),
  faultCode: (status) => `FSS.${String(status).padStart(4, "0")}`,
};
