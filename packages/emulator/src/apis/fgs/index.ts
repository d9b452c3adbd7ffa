import type { ApiFailure } from "../../error-body.js";
import { defineModule, failure, type HandlerContext, type HandlerResult } from "../api-module.js";
import { authenticateHuawei, claimedHuawei } from "./auth.js";
import {
  deleteFunction,
  type FgsError,
  findFunction,
  isFgsError,
  lastModifiedOf,
  listFunctions,
  type Page,
  page,
  versionsOf,
  versionTime,
} from "./backend.js";
import { type FgsFunction, type FgsSection, fgsFields, type HuaweiState } from "./state.js";

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

const badMaxItems = () => failure(400, "FSS.0400", "Invalid parameter", "maxitems must be >= 0");

/** The function a listing names, or the documented answer. */
const found = (c: HandlerContext<HuaweiState>): FgsFunction | HandlerResult => {
  const fn = findFunction(
    c.state.huawei.functions,
    c.path.function_urn as string,
    c.path.project_id as string,
  );
  return isFgsError(fn) ? ANSWERS[fn.error](fn) : fn;
};
const isAnswer = (x: FgsFunction | HandlerResult): x is HandlerResult => "status" in x;
const isPage = <T>(p: Page<T>): p is Exclude<Page<T>, { error: string }> => !("error" in p);

const gateway = (status: number, code: string, message: string): ApiFailure => ({
  status,
  code,
  message,
  gateway: true,
});

export const fgs = defineModule<"huawei", FgsSection, HuaweiState>({
  api: "fgs",
  answersUnknownPaths: true,
  section: "huawei",
  fields: fgsFields,
  authenticate: authenticateHuawei,
  claimed: claimedHuawei,
  handlers: {
    listFunctions(c) {
      const matching = listFunctions(
        c.state.huawei.functions,
        c.path.project_id as string,
        c.query.package_name,
      );
      const p = page(matching, c.query.marker, c.query.maxitems);
      if (!isPage(p)) return badMaxItems();
      const functions = p.items.map((f) => {
        const fields = f.urn.split(":");
        return {
          func_urn: `${f.urn}:latest`,
          func_name: fields[6],
          package: fields[5],
          runtime: "Node.js14.18",
          version: "latest",
          last_modified: lastModifiedOf(f, c.now),
        };
      });
      return { status: 200, body: { functions, next_marker: p.next, count: p.count } };
    },
    listFunctionVersions(c) {
      const fn = found(c);
      if (isAnswer(fn)) return fn;
      const p = page(versionsOf(fn), c.query.marker, c.query.maxitems);
      if (!isPage(p)) return badMaxItems();
      const name = fn.urn.split(":")[6];
      const versions = p.items.map((version) => ({
        func_urn: `${fn.urn}:${version}`,
        func_name: name,
        version,
        last_modified: versionTime(fn, version, c.now),
      }));
      return { status: 200, body: { versions, next_marker: p.next, count: p.count } };
    },
    listVersionAliases(c) {
      const fn = found(c);
      if (isAnswer(fn)) return fn;
      const body = Object.entries(fn.aliases ?? {}).map(([name, version]) => ({
        name,
        version,
        alias_urn: `${fn.urn}:!${name}`,
        last_modified: lastModifiedOf(fn, c.now),
      }));
      return { status: 200, body };
    },
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
});
