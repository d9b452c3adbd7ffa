import type { FgsFunction } from "../seed.js";
import { type ApiModule, failure, type HandlerResult } from "./api-module.js";
import { listFunctions, listFunctionVersions, listVersionAliases } from "./fgs-list.js";

// Huawei FunctionGraph (specs/fgs.yaml).

function deleteVersion(fn: FgsFunction, version: string): HandlerResult {
  fn.versions = (fn.versions ?? []).filter((v) => v !== version);
  // Assumption: the aliases that point to a deleted version go with it (an alias cannot point at nothing).
  if (fn.aliases) {
    fn.aliases = Object.fromEntries(Object.entries(fn.aliases).filter(([, target]) => target !== version));
  }
  return { status: 204, changed: true };
}

const latestRefused = (details: string) => failure(400, "FSS.1015", "Invalid version", details);

export const fgs: ApiModule = {
  api: "fgs",
  handlers: {
    listFunctions,
    listFunctionVersions,
    listVersionAliases,
    deleteFunction(c) {
      const urn = c.path.function_urn as string;
      const fields = urn.split(":");
      if (fields[3] !== c.path.project_id) {
        // Assumption: a URN of another project than the path's is an invalid parameter.
        return failure(
          400,
          "FSS.0400",
          "Invalid parameter",
          "the URN's project id differs from the path's project_id",
        );
      }
      const functions = c.state.huawei.functions;
      const fn = functions.find((f) => f.urn === fields.slice(0, 7).join(":"));
      if (!fn) return failure(404, "FSS.1051", "Function does not exist");
      const qualifier = fields[7];
      if (qualifier === undefined) {
        functions.splice(functions.indexOf(fn), 1); // with all its versions and aliases
        return { status: 204, changed: true };
      }
      if (qualifier.startsWith("!")) {
        const target = fn.aliases?.[qualifier.slice(1)];
        if (target === undefined) return failure(404, "FSS.1053", "Alias does not exist");
        if (target === "latest") return latestRefused("the alias points to latest, which cannot be deleted");
        return deleteVersion(fn, target); // the version the alias points to, as the docs say
      }
      if (qualifier === "latest")
        return latestRefused("the latest version cannot be deleted; delete the function");
      if (!fn.versions?.includes(qualifier)) return failure(404, "FSS.1052", "Version does not exist");
      return deleteVersion(fn, qualifier);
    },
  },
  badParameter: (_op, name, rule) => ({
    status: 400,
    code: "FSS.0400",
    message: "Invalid parameter",
    details: `${name} ${rule}`,
  }),
  notFound: () => ({
    status: 404,
    code: "APIGW.0101",
    message: "The API does not exist or has not been published in the environment",
    gateway: true,
  }),
  forbidden: () => ({
    status: 403,
    code: "FSS.0403",
    message: "Forbidden",
    details: "the credential may not call this operation",
  }),
  payloadTooLarge: () => ({
    status: 413,
    code: "APIGW.0201",
    message: "Request entity too large",
    gateway: true,
  }),
  faultCode: (status) => `FSS.${String(status).padStart(4, "0")}`,
};
