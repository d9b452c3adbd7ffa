import type { OperationSpec, ParameterRule, SpecDocument } from "./spec-catalog.js";
import { operationsOf } from "./spec-catalog.js";

// A stop-gap, not a second copy of the specs: issue 12 adds getPackage, listActions and deleteAction to
// specs/ncf.yaml and createUserToken to a new specs/iam.yaml, in parallel with the emulator. Until an
// operationId is in the bundled specs, it is routed from this table; as soon as a spec holds it, the spec's
// definition wins and the entry here is ignored (see `catalog`). Delete an entry once its spec has landed.

const NAME_PATTERN = "^[A-Za-z0-9_][A-Za-z0-9_-]{0,49}$";
const packageName: ParameterRule = {
  name: "packageName",
  in: "path",
  required: true,
  schema: { type: "string", minLength: 1, maxLength: 50, pattern: NAME_PATTERN },
};
const platform: ParameterRule = {
  name: "platform",
  in: "query",
  required: false,
  schema: { type: "string", enum: ["vpc", "classic"], default: "vpc" },
};

const NCF = { api: "ncf", prefixes: ["/ncf/api/v2"], errorShape: "ncp" as const };

export const BUILT_IN_OPERATIONS: Omit<OperationSpec, "source">[] = [
  {
    ...NCF,
    security: [["ncp"]],
    operationId: "getPackage",
    method: "GET",
    path: "/packages/{packageName}",
    parameters: [packageName, platform],
    statuses: ["200", "400", "401", "403", "404", "default"],
  },
  {
    ...NCF,
    security: [["ncp"]],
    operationId: "listActions",
    method: "GET",
    path: "/packages/{packageName}/actions",
    // `-` alone lists the actions that belong to no package.
    parameters: [
      { ...packageName, schema: { ...packageName.schema, pattern: `^-$|${NAME_PATTERN}` } },
      platform,
    ],
    statuses: ["200", "401", "403", "default"],
  },
  {
    ...NCF,
    security: [["ncp"]],
    operationId: "deleteAction",
    method: "DELETE",
    path: "/packages/{packageName}/actions/{actionName}",
    parameters: [
      { ...packageName, schema: { ...packageName.schema, pattern: `^-$|${NAME_PATTERN}` } },
      { ...packageName, name: "actionName" },
      platform,
    ],
    statuses: ["204", "400", "401", "403", "404", "500", "default"],
  },
  {
    api: "iam",
    prefixes: [""],
    errorShape: "keystone",
    security: [],
    operationId: "createUserToken",
    method: "POST",
    path: "/v3/auth/tokens",
    parameters: [
      {
        name: "nocatalog",
        in: "query",
        required: false,
        schema: { type: "string", enum: ["true", "false"] },
      },
    ],
    statuses: ["201", "400", "401", "403", "404", "default"],
  },
];

/** Every operation of the bundled specs, plus the built-in ones no spec holds yet. */
export function catalog(specs: SpecDocument[]): OperationSpec[] {
  const fromSpecs = specs.flatMap(operationsOf);
  const known = new Set(fromSpecs.map((o) => o.operationId));
  const builtIns = BUILT_IN_OPERATIONS.filter((o) => !known.has(o.operationId)).map(
    (o): OperationSpec => ({ ...o, source: "built-in" }),
  );
  return [...fromSpecs, ...builtIns];
}
