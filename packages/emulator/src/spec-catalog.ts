import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";

// The operations the emulator serves, read from the bundled OpenAPI documents of @fnapi/specs
// (`specs/dist/*.json`, built by `npm run build -w @fnapi/specs`): method, path, the rules of its path and
// query parameters and whether it is authenticated (how is its cloud module's business, as are its error
// bodies). Every document found there is served, so an operation added to a spec is routed without touching
// the emulator (it answers 501 until its module has a handler for the operationId).

export interface SchemaRule {
  type?: string | string[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
}

export interface ParameterRule {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  schema: SchemaRule;
}

export interface OperationSpec {
  operationId: string;
  method: string;
  /** The spec's file name without extension: `ncf`, `fgs`, `iam`. */
  api: string;
  /** The path template below the server URL's path: `/packages/{packageName}`. */
  path: string;
  /** The server URL paths it is served under (`/ncf/api/v2`, or `` for a host-only server URL). */
  prefixes: string[];
  parameters: ParameterRule[];
  /** The security requirement alternatives, each the names of its schemes; `[]` means no authentication. */
  security: string[][];
  /** The documented response statuses (`"204"`, `"404"`, `"default"`). */
  statuses: string[];
}

type Json = Record<string, unknown>;

const require = createRequire(import.meta.url);

/** The folder of the bundled specs: `@fnapi/specs`' `dist/`. */
export function bundledSpecsDir(): string {
  return join(dirname(require.resolve("@fnapi/specs/package.json")), "dist");
}

export interface SpecDocument {
  api: string;
  document: Json;
}

export function readBundledSpecs(dir: string = bundledSpecsDir()): SpecDocument[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  } catch {
    throw new Error(`no bundled specs in ${dir}: run \`npm run build -w @fnapi/specs\``);
  }
  const documents = files
    .map((f) => ({
      api: basename(f, ".json"),
      document: JSON.parse(readFileSync(join(dir, f), "utf8")) as Json,
    }))
    .filter(({ document }) => typeof document.openapi === "string" && isObject(document.paths));
  if (documents.length === 0) throw new Error(`no OpenAPI documents in ${dir}`);
  return documents;
}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Follows local `$ref`s (`#/components/...`) until a plain object remains. */
export function resolve(document: Json, node: unknown): Json {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string"; hops++) {
    const ref = current.$ref;
    if (!ref.startsWith("#/") || hops > 32) throw new Error(`unsupported $ref ${ref}`);
    current = ref
      .slice(2)
      .split("/")
      .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), document);
  }
  return isObject(current) ? current : {};
}

const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

function serverPrefixes(document: Json): string[] {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  const prefixes = new Set<string>();
  for (const server of servers) {
    if (!isObject(server) || typeof server.url !== "string") continue;
    const variables = isObject(server.variables) ? server.variables : {};
    const url = server.url.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const variable = variables[name];
      return isObject(variable) && typeof variable.default === "string" ? variable.default : "x";
    });
    try {
      prefixes.add(new URL(url).pathname.replace(/\/+$/, ""));
    } catch {
      prefixes.add(url.startsWith("/") ? url.replace(/\/+$/, "") : "");
    }
  }
  return prefixes.size ? [...prefixes] : [""];
}

function securityOf(requirements: unknown): string[][] {
  if (!Array.isArray(requirements)) return [];
  return requirements.filter(isObject).map((requirement) => Object.keys(requirement));
}

function parameterRules(document: Json, pathItem: Json, operation: Json): ParameterRule[] {
  const byKey = new Map<string, ParameterRule>();
  for (const raw of [
    ...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []),
    ...(Array.isArray(operation.parameters) ? operation.parameters : []),
  ]) {
    const p = resolve(document, raw);
    if (typeof p.name !== "string" || typeof p.in !== "string") continue;
    const schema = resolve(document, p.schema) as SchemaRule;
    byKey.set(`${p.in}:${p.name}`, {
      name: p.name,
      in: p.in as ParameterRule["in"],
      required: p.required === true || p.in === "path",
      schema,
    });
  }
  return [...byKey.values()];
}

export function operationsOf({ api, document }: SpecDocument): OperationSpec[] {
  const prefixes = serverPrefixes(document);
  const operations: OperationSpec[] = [];
  for (const [path, rawItem] of Object.entries(document.paths as Json)) {
    const pathItem = resolve(document, rawItem);
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation) || typeof operation.operationId !== "string") continue;
      const responses = resolve(document, operation.responses);
      operations.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        api,
        path,
        prefixes,
        parameters: parameterRules(document, pathItem, operation),
        security: securityOf(operation.security ?? document.security),
        statuses: Object.keys(responses),
      });
    }
  }
  return operations;
}
