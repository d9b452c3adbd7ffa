import { createHash } from "node:crypto";
import type { ApiFailure } from "../../error-body.js";
import { type HandlerContext as Context, defineModule, type HandlerResult as Result } from "../api-module.js";
import { authenticateNcp, claimedNcp } from "../ncf/auth.js";
import type { Platform } from "../ncf/state.js";
import * as backend from "./backend.js";
import { type Change, isV3Error, type V3Error } from "./backend.js";
import { pageOf, paging } from "./paging.js";
import { type NcpV3Fields, type NcpV3State, ncpOf, ncpV3Fields } from "./state.js";

type HandlerContext = Context<NcpV3State>;
type HandlerResult = Result<NcpV3State>;

// NAVER Cloud Functions API v3 (specs/ncf-v3.yaml) under /api/v3, beside v2.1 over the same `ncp` section.
// Thin handlers: parameters in, the v3 backend's outcome out, in v3's error body
// (`{"error": {"errorCode", "message", "detail", "fieldErrors"}}`) with its string codes.

/** A failure that names the parameter it is about (v3's `fieldErrors`). */
interface V3Failure extends ApiFailure {
  field?: string;
}

const MESSAGES: Record<V3Error["error"], [number, string]> = {
  InvalidParameter: [400, "The specified parameter is invalid."],
  PackageNotFound: [404, "The package does not exist."],
  ActionNotFound: [404, "The action does not exist."],
  VersionNotFound: [404, "The action version does not exist."],
  ResourceInUse: [409, "The specified resource is in use."],
};

function answer(e: V3Error): HandlerResult {
  const [status, message] = MESSAGES[e.error];
  const failure: V3Failure = { status, code: e.error, message };
  if (e.error === "InvalidParameter") Object.assign(failure, { details: e.detail, field: e.field });
  return { status, failure };
}

const invalid = (field: string, rule: string): V3Failure => ({
  status: 400,
  code: "InvalidParameter",
  message: MESSAGES.InvalidParameter[1],
  details: `${field} ${rule}`,
  field,
});

/** The request's platform (the spec's enum has checked its case), refused where the region has none. */
function platformOf(c: HandlerContext): Platform | HandlerResult {
  const platform: Platform = c.query.platform === "CLASSIC" ? "classic" : "vpc";
  const refused = backend.checkPlatform(ncpOf(c.state), platform);
  return refused ? answer(refused) : platform;
}

const names = (c: HandlerContext) => ({
  pkg: c.path.packageName as string,
  action: c.path.actionName as string,
  version: c.path.versionName as string,
});

type Outcome<T> = (c: HandlerContext, platform: Platform) => T | V3Error;

/** A read: the platform checked, the backend asked, its value shaped or its error answered. */
const read =
  <T>(get: Outcome<T>, shape: (value: T, c: HandlerContext) => HandlerResult) =>
  (c: HandlerContext): HandlerResult => {
    const platform = platformOf(c);
    if (typeof platform !== "string") return platform;
    const value = get(c, platform);
    return isV3Error(value as object) ? answer(value as V3Error) : shape(value as T, c);
  };

/** A change: applied by the state store once written; `204`, no body. */
const change = (decide: Outcome<Change>) =>
  read(decide, (apply) => ({ status: 204, change: (state) => apply(ncpOf(state)) }));

/** One page of a list, or the paging parameters' `400`. */
const list =
  <T>(key: string, item: (value: T) => unknown) =>
  (values: T[], c: HandlerContext): HandlerResult => {
    const page = paging(c.query);
    if ("field" in page) return { status: 400, failure: invalid(page.field, page.rule) };
    return { status: 200, body: pageOf(values.map(item), page, key) };
  };

const packageId = (platform: string, name: string) =>
  `pkg-${createHash("sha256").update(`${platform}/${name}`).digest("hex").slice(0, 8)}`;

const TYPES: Record<string, string> = { basic: "BASIC", web: "WEB", sequence: "SEQUENCE" };
const actionType = (type = "basic") => TYPES[type] ?? type.toUpperCase().replace(/-/g, "_");

function actionSummary(a: backend.ListedAction) {
  const type = actionType(a.type);
  return {
    name: a.name,
    packageName: a.packageName,
    ...(a.description ? { description: a.description } : {}),
    type,
    ...(type.startsWith("SEQUENCE") ? {} : { runtimeCode: a.runtime ?? "nodejs:22" }),
  };
}

export const ncfV3 = defineModule<"ncp", NcpV3Fields, NcpV3State>({
  api: "ncf-v3",
  section: "ncp",
  fields: ncpV3Fields,
  authenticate: authenticateNcp,
  claimed: claimedNcp,
  handlers: {
    listPackages: read(
      (c, platform) => backend.listPackages(ncpOf(c.state), platform),
      list("packages", (p: { name: string; platform: string; description?: string }) => ({
        id: packageId(p.platform, p.name),
        name: p.name,
        ...(p.description ? { description: p.description } : {}),
      })),
    ),
    getPackage: read(
      (c, platform) => backend.getPackage(ncpOf(c.state), names(c).pkg, platform),
      (pkg) => ({
        status: 200,
        body: {
          package: {
            id: packageId(pkg.platform, pkg.name),
            name: pkg.name,
            ...(pkg.description ? { description: pkg.description } : {}),
            platform: pkg.platform.toUpperCase(),
            parameters: Object.fromEntries(
              Object.entries(pkg.parameters ?? {}).map(([k, v]) => [
                k,
                typeof v === "string" ? v : JSON.stringify(v),
              ]),
            ),
            actionNames: pkg.actions.map((a) => (typeof a === "string" ? a : a.name)),
          },
        },
      }),
    ),
    deletePackage: change((c, platform) => backend.deletePackage(ncpOf(c.state), names(c).pkg, platform)),
    listActions: read(
      (c, platform) => backend.listActions(ncpOf(c.state), names(c).pkg, platform),
      list("actions", actionSummary),
    ),
    getAction: read(
      (c, platform) => backend.getAction(ncpOf(c.state), names(c).pkg, names(c).action, platform),
      (a) => {
        const summary = actionSummary(a);
        const runnable = summary.runtimeCode
          ? {
              code: { binary: false, main: "main" },
              limits: { timeoutMilliseconds: 60000, memory: 256 },
            }
          : {};
        return { status: 200, body: { action: { ...summary, ...runnable } } };
      },
    ),
    deleteAction: change((c, platform) =>
      backend.deleteAction(ncpOf(c.state), names(c).pkg, names(c).action, platform),
    ),
    listActionVersions: read(
      (c, platform) => backend.listVersions(ncpOf(c.state), names(c).pkg, names(c).action, platform),
      list("versions", (v) => v),
    ),
    getActionVersion: read(
      (c, platform) => {
        const { pkg, action, version } = names(c);
        return backend.getVersion(ncpOf(c.state), pkg, action, version, platform);
      },
      (version) => ({ status: 200, body: { version } }),
    ),
    deleteActionVersion: change((c, platform) => {
      const { pkg, action, version } = names(c);
      return backend.deleteVersion(ncpOf(c.state), pkg, action, version, platform);
    }),
    listActivations: read(
      (c) =>
        c.query.filter !== undefined && !FILTER.test(c.query.filter)
          ? { error: "InvalidParameter", field: "filter", detail: "The filter is not valid." }
          : [],
      (none: never[], c) => {
        const page = paging(c.query);
        if (!("field" in page) && (page.pageNo + 1) * page.pageSize > 10_000)
          return { status: 400, failure: invalid("pageNo", "(pageNo + 1) × pageSize must be at most 10000") };
        return list("activations", (a) => a)(none, c);
      },
    ),
  },

  errorBody: (f: V3Failure) => ({
    error: {
      errorCode: f.code,
      message: f.message,
      // The gateway's own answers keep v2's `details` (unconfirmed); the service's use v3's `detail`.
      ...(f.details ? (f.gateway ? { details: f.details } : { detail: f.details }) : {}),
      ...(f.field ? { fieldErrors: [{ field: f.field, message: f.details ?? "is invalid" }] } : {}),
    },
  }),
  badParameter: (_op, name, rule): V3Failure => invalid(name, rule),
  notFound: () => ({
    status: 404,
    code: "300",
    message: "Not Found Exception",
    details: "No API matches this method and path.",
    gateway: true,
  }),
  forbidden: () => ({
    status: 403,
    code: "Forbidden",
    message: "You do not have permission for this request.",
  }),
  payloadTooLarge: () => ({ status: 413, code: "430", message: "Request Entity Too Large", gateway: true }),
  internalError: (details) => ({ status: 500, code: "900", message: "Unexpected Error", details }),
  faultCode: (status) =>
    ({
      400: "InvalidParameter",
      401: "200",
      403: "Forbidden",
      404: "PackageNotFound",
      409: "ResourceInUse",
      413: "430",
      429: "420",
      500: "900",
      503: "500",
      504: "510",
    })[status] ?? String(status),
});

/** `{field} {op} {value}` joined with AND; values quoted. */
const FILTER =
  /^\s*\w+\s*(?:>=|<=|=)\s*(?:"[^"]*"|'[^']*')(?:\s+AND\s+\w+\s*(?:>=|<=|=)\s*(?:"[^"]*"|'[^']*'))*\s*$/;
