import { createHash } from "node:crypto";
import type { ApiFailure } from "../../error-body.js";
import { defineModule, failure, type HandlerContext, type HandlerResult } from "../api-module.js";
import { authenticateNcp, claimedNcp } from "./auth.js";
import * as backend from "./backend.js";
import { isNcfError, type NcfError, type NcpChange } from "./backend.js";
import {
  actionName,
  type NcfPackage,
  type NcpSection,
  type NcpState,
  ncpFields,
  type Platform,
} from "./state.js";

// NAVER Cloud Functions (specs/ncf.yaml), v2.1 under /ncf/api/v2 and v2.0 under /api/v2, where `platform`
// defaults to `classic` instead of `vpc`. Thin handlers: parameters in, the backend's outcome out.

const V2_0_PREFIX = "/api/v2";

const platformOf = ({ query, prefix }: HandlerContext): Platform =>
  (query.platform as Platform | undefined) ?? (prefix === V2_0_PREFIX ? "classic" : "vpc");

const ANSWERS: Record<NcfError["error"], () => HandlerResult> = {
  PackageNotFound: () => failure(404, "80101", "PACKAGE_NOT_FOUND", "Package not found"),
  PackagePlatformMismatch: () =>
    failure(400, "80102", "PACKAGE_PLATFORM_MISMATCH", "Invalid platform parameter"),
  PackageNotEmpty: () =>
    failure(
      409,
      "80109",
      "PACKAGE_NOT_EMPTY",
      "Package can't be deleted because it has actions associated with it",
    ),
  ActionNotFound: () => failure(404, "80301", "ACTION_NOT_FOUND", "Action not found"),
  ActionPlatformMismatch: () =>
    failure(400, "80302", "ACTION_PLATFORM_MISMATCH", "Invalid platform parameter"),
};

/** The backend's change, or the domain error's answer. */
function changed(outcome: NcpChange | NcfError): HandlerResult<NcpState> {
  if (isNcfError(outcome)) return ANSWERS[outcome.error]();
  return { status: 204, change: (state) => outcome(state.ncp) };
}

const resourceIdOf = (pkg: NcfPackage): string =>
  pkg.resourceId ??
  createHash("sha256").update(`${pkg.platform}/${pkg.name}`).digest("base64url").slice(0, 5);

const gateway = (status: number, code: string, message: string, details?: string): ApiFailure => ({
  status,
  code,
  message,
  ...(details ? { details } : {}),
  gateway: true,
});

export const ncf = defineModule<"ncp", NcpSection>({
  api: "ncf",
  extraPrefixes: [V2_0_PREFIX],
  section: "ncp",
  fields: ncpFields,
  authenticate: authenticateNcp,
  claimed: claimedNcp,
  handlers: {
    deletePackage: (c) =>
      changed(backend.deletePackage(c.state.ncp, c.path.packageName as string, platformOf(c))),
    deleteAction: (c) =>
      changed(
        backend.deleteAction(
          c.state.ncp,
          c.path.packageName as string,
          c.path.actionName as string,
          platformOf(c),
        ),
      ),
    getPackage(c) {
      const pkg = backend.getPackage(c.state.ncp, c.path.packageName as string, platformOf(c));
      if (isNcfError(pkg)) return ANSWERS[pkg.error]();
      const { name, description = "", platform, parameters = {} } = pkg;
      const content = { name, description, platform, resourceId: resourceIdOf(pkg), parameters };
      return { status: 200, body: { content: { ...content, actions: pkg.actions.map(actionName) } } };
    },
    listPackages(c) {
      const content = backend
        .listPackages(c.state.ncp, platformOf(c))
        .map(({ name, description = "" }) => ({ name, description }));
      return { status: 200, body: { content } };
    },
    listActions(c) {
      const actions = backend.listActions(c.state.ncp, c.path.packageName as string, platformOf(c));
      if (isNcfError(actions)) return ANSWERS[actions.error]();
      const summary = (a: (typeof actions)[number]) => ({
        name: a.name,
        description: a.description ?? "",
        type: a.type ?? "basic",
        runtime: a.runtime ?? "nodejs:20",
      });
      return { status: 200, body: { content: { actions: actions.map(summary) } } };
    },
  },

  errorBody: (f) => ({
    error: { errorCode: f.code, message: f.message, ...(f.details ? { details: f.details } : {}) },
  }),
  badParameter(op, name, rule) {
    // The docs give `platform` its own code (80102 for packages, 80302 for actions); any other bad parameter
    // is the gateway's 100 Bad Request Exception (assumption).
    if (name !== "platform") return gateway(400, "100", "Bad Request Exception", `${name} ${rule}`);
    const action = op.path.includes("{actionName}");
    return {
      status: 400,
      code: action ? "80302" : "80102",
      message: action ? "ACTION_PLATFORM_MISMATCH" : "PACKAGE_PLATFORM_MISMATCH",
      details: `Invalid platform parameter: ${name} ${rule}`,
    };
  },
  notFound: () => gateway(404, "300", "Not Found Exception", "No API matches this method and path."),
  forbidden: () => ({
    status: 403,
    code: "80002",
    message: "SUB_ACC_NO_PERMISSION",
    details: "Resource viewing permission error",
  }),
  payloadTooLarge: () => gateway(413, "430", "Request Entity Too Large"),
  internalError: (details) => ({ status: 500, code: "900", message: "Unexpected Error", details }),
  faultCode: (status) =>
    ({ 400: "100", 401: "200", 404: "300", 413: "430", 429: "420", 500: "900", 503: "500", 504: "510" })[
      status
    ] ?? String(status),
});
