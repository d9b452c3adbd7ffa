import { createHash } from "node:crypto";
import { actionName, type NcfPackage, type Platform } from "../seed.js";
import { type ApiModule, failure, type HandlerContext, type HandlerResult } from "./api-module.js";

// NAVER Cloud Functions (specs/ncf.yaml), v2.1 under /ncf/api/v2 and v2.0 under /api/v2, where `platform`
// defaults to `classic` instead of `vpc`.

const V2_0_PREFIX = "/api/v2";

function platformOf({ query, prefix }: HandlerContext): Platform {
  return (query.platform as Platform | undefined) ?? (prefix === V2_0_PREFIX ? "classic" : "vpc");
}

const find = (c: HandlerContext, name: string, platform: Platform): NcfPackage | undefined =>
  c.state.ncp.packages.find((p) => p.name === name && p.platform === platform);

const packageNotFound = () => failure(404, "80101", "PACKAGE_NOT_FOUND", "Package not found");
const platformMismatch = () =>
  failure(400, "80102", "PACKAGE_PLATFORM_MISMATCH", "Invalid platform parameter");

/** The package on the requested platform, or the documented 400/404. */
function lookupPackage(c: HandlerContext): NcfPackage | HandlerResult {
  const name = c.path.packageName as string;
  const platform = platformOf(c);
  const pkg = find(c, name, platform);
  if (pkg) return pkg;
  // Assumption: a package that exists only on the other platform is the documented 80102 mismatch.
  return find(c, name, platform === "vpc" ? "classic" : "vpc") ? platformMismatch() : packageNotFound();
}

const isResult = (x: NcfPackage | HandlerResult): x is HandlerResult => "status" in x;

function resourceIdOf(pkg: NcfPackage): string {
  return (
    pkg.resourceId ??
    createHash("sha256").update(`${pkg.platform}/${pkg.name}`).digest("base64url").slice(0, 5)
  );
}

export const ncf: ApiModule = {
  api: "ncf",
  extraPrefixes: [V2_0_PREFIX],
  handlers: {
    listPackages(c) {
      const platform = platformOf(c);
      const content = c.state.ncp.packages
        .filter((p) => p.platform === platform && p.name !== "-")
        .map((p) => ({ name: p.name, description: p.description ?? "" }));
      return { status: 200, body: { content } };
    },

    deletePackage(c) {
      const pkg = lookupPackage(c);
      if (isResult(pkg)) return pkg;
      if (pkg.actions.length > 0) {
        return failure(
          409,
          "80109",
          "PACKAGE_NOT_EMPTY",
          "Package can't be deleted because it has actions associated with it",
        );
      }
      c.state.ncp.packages.splice(c.state.ncp.packages.indexOf(pkg), 1);
      return { status: 204, changed: true };
    },

    getPackage(c) {
      const pkg = lookupPackage(c);
      if (isResult(pkg)) return pkg;
      return {
        status: 200,
        body: {
          content: {
            name: pkg.name,
            description: pkg.description ?? "",
            platform: pkg.platform,
            resourceId: resourceIdOf(pkg),
            parameters: pkg.parameters ?? {},
            actions: pkg.actions.map(actionName),
          },
        },
      };
    },

    listActions(c) {
      const name = c.path.packageName as string;
      let pkg: NcfPackage | undefined;
      if (name === "-") {
        // Actions in no package: the seed's package named `-` on that platform, if any.
        pkg = find(c, "-", platformOf(c));
      } else {
        const found = lookupPackage(c);
        if (isResult(found)) return found;
        pkg = found;
      }
      return {
        status: 200,
        body: {
          content: {
            actions: (pkg?.actions ?? []).map((a) =>
              typeof a === "string"
                ? { name: a, description: "", type: "basic", runtime: "nodejs:20" }
                : {
                    name: a.name,
                    description: a.description ?? "",
                    type: a.type ?? "basic",
                    runtime: a.runtime ?? "nodejs:20",
                  },
            ),
          },
        },
      };
    },

    deleteAction(c) {
      const packageName = c.path.packageName as string;
      const action = c.path.actionName as string;
      const platform = platformOf(c);
      const holds = (p: NcfPackage) =>
        p.name === packageName && p.actions.some((a) => actionName(a) === action);
      const pkg = c.state.ncp.packages.find((p) => p.platform === platform && holds(p));
      if (pkg) {
        pkg.actions = pkg.actions.filter((a) => actionName(a) !== action);
        return { status: 204, changed: true };
      }
      // Assumption: an action that exists only on the other platform is the documented 80302 mismatch.
      if (c.state.ncp.packages.some(holds)) {
        return failure(400, "80302", "ACTION_PLATFORM_MISMATCH", "Invalid platform parameter");
      }
      return failure(404, "80301", "ACTION_NOT_FOUND", "Action not found");
    },
  },

  badParameter(op, name, rule) {
    // The docs give `platform` its own code (80102 for packages, 80302 for actions); any other bad parameter
    // is the gateway's 100 Bad Request Exception (assumption).
    if (name === "platform") {
      const action = op.path.includes("{actionName}");
      return {
        status: 400,
        code: action ? "80302" : "80102",
        message: action ? "ACTION_PLATFORM_MISMATCH" : "PACKAGE_PLATFORM_MISMATCH",
        details: `Invalid platform parameter: ${name} ${rule}`,
      };
    }
    return {
      status: 400,
      code: "100",
      message: "Bad Request Exception",
      details: `${name} ${rule}`,
      gateway: true,
    };
  },
  notFound: () => ({
    status: 404,
    code: "300",
    message: "Not Found Exception",
    details: "No API matches this method and path.",
    gateway: true,
  }),
  forbidden: () => ({
    status: 403,
    code: "80002",
    message: "SUB_ACC_NO_PERMISSION",
    details: "Resource viewing permission error",
  }),
  payloadTooLarge: () => ({ status: 413, code: "430", message: "Request Entity Too Large", gateway: true }),
  faultCode: (status) =>
    ({ 400: "100", 401: "200", 404: "300", 413: "430", 429: "420", 500: "900", 503: "500", 504: "510" })[
      status
    ] ?? String(status),
};
