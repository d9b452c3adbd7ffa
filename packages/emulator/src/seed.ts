import { parse as parseYaml } from "yaml";

// The seed and the state share one shape (`--seed`, `--state`, GET/PUT /_emulator/state). `parseSeed` checks
// a parsed document field by field and throws a SeedError naming the first bad field's path and its rule.

export type Platform = "vpc" | "classic";

export interface NcpCredential {
  accessKey: string;
  secretKey: string;
  /** OperationIds this key may not call: they answer the documented 403. */
  deny?: string[];
}

export interface NcfAction {
  name: string;
  description?: string;
  type?: string;
  runtime?: string;
}

export interface NcfPackage {
  /** A package name, or `-` for the actions that belong to no package. */
  name: string;
  platform: Platform;
  actions: (string | NcfAction)[];
  description?: string;
  resourceId?: string;
  parameters?: Record<string, unknown>;
}

export interface HuaweiCredential {
  accessKey: string;
  secretKey: string;
  /** Temporary credentials: requests must carry this value, signed, in `X-Security-Token`. */
  securityToken?: string;
  deny?: string[];
}

export interface HuaweiToken {
  token: string;
  /** ISO-8601; the token is refused from this instant on. */
  expiresAt: string;
  /** When set, the token is accepted only for this project (tokens issued by createUserToken always are). */
  projectId?: string;
}

export interface HuaweiUser {
  domain: string;
  name: string;
  password: string;
}

export interface HuaweiProject {
  id: string;
  /** The region name IAM scopes by (`cn-north-4`). */
  name: string;
}

export interface FgsFunction {
  /** The 7-field URN `urn:fss:<region>:<project>:function:<package>:<name>`. */
  urn: string;
  /** Published versions; `latest` always exists and is not listed. */
  versions?: string[];
  /** Alias name → the version it points to (a listed version or `latest`). */
  aliases?: Record<string, string>;
  /** When the function was last changed (ISO 8601); listed as `last_modified`. Default: the emulator's clock. */
  lastModified?: string;
}

export interface EmulatorState {
  ncp: { credentials: NcpCredential[]; packages: NcfPackage[] };
  huawei: {
    credentials: HuaweiCredential[];
    tokens: HuaweiToken[];
    users: HuaweiUser[];
    projects: HuaweiProject[];
    functions: FgsFunction[];
  };
}

/** What a seed may leave out: every list defaults to empty. */
export type Seed = {
  ncp?: Partial<EmulatorState["ncp"]>;
  huawei?: Partial<EmulatorState["huawei"]>;
};

export class SeedError extends Error {
  override name = "SeedError";
  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field}: ${rule}`);
  }
}

export interface SeedRules {
  /** The spec's rule for package names (deletePackage's `packageName`). */
  packageName: RegExp;
  /** The spec's rule for a function URN (deleteFunction's `function_urn`). */
  functionUrn: RegExp;
  projectId: RegExp;
}

export const DEFAULT_SEED_RULES: SeedRules = {
  packageName: /^[A-Za-z0-9_][A-Za-z0-9_-]{0,49}$/,
  functionUrn:
    /^urn:fss:[a-z0-9-]+:[A-Za-z0-9]{32}:function:[A-Za-z0-9_-]{1,64}:[A-Za-z][A-Za-z0-9_-]{0,59}$/,
  projectId: /^[A-Za-z0-9]{32}$/,
};

/** Parses JSON or YAML text (YAML is a superset of JSON) and checks it. */
export function parseSeedText(text: string, rules: SeedRules = DEFAULT_SEED_RULES): EmulatorState {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new SeedError("(document)", `must be JSON or YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  return parseSeed(document ?? {}, rules);
}

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function object(value: unknown, path: string): Obj {
  if (!isObject(value)) throw new SeedError(path, "must be an object");
  return value;
}

function onlyKeys(value: Obj, path: string, keys: string[]): void {
  for (const key of Object.keys(value)) {
    if (!keys.includes(key))
      throw new SeedError(`${path}.${key}`, `is not a known field (known: ${keys.join(", ")})`);
  }
}

function list(value: unknown, path: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new SeedError(path, "must be an array");
  return value;
}

function string(value: unknown, path: string, rule?: { pattern: RegExp; text: string }): string {
  if (typeof value !== "string" || value === "") throw new SeedError(path, "must be a non-empty string");
  if (rule && !rule.pattern.test(value)) throw new SeedError(path, `must be ${rule.text}`);
  return value;
}

function optionalString(value: unknown, path: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new SeedError(path, "must be a string");
  return value;
}

function instant(value: unknown, path: string): string {
  const text = string(value, path);
  if (Number.isNaN(Date.parse(text))) throw new SeedError(path, "must be an ISO-8601 date-time");
  return text;
}

function denyList(value: unknown, path: string): string[] | undefined {
  if (value === undefined) return undefined;
  return list(value, path).map((op, i) => string(op, `${path}[${i}]`));
}

function unique<T>(items: T[], key: (item: T) => string, path: string, what: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) throw new SeedError(`${path}[${i}]`, `duplicates ${what} ${JSON.stringify(k)}`);
    seen.add(k);
  });
}

function withOptional<T extends Obj>(base: T, extra: Obj): T {
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (base as Obj)[k] = v;
  return base;
}

export function parseSeed(document: unknown, rules: SeedRules = DEFAULT_SEED_RULES): EmulatorState {
  const root = object(document, "(root)");
  onlyKeys(root, "(root)", ["ncp", "huawei"]);
  const ncp = object(root.ncp ?? {}, "ncp");
  onlyKeys(ncp, "ncp", ["credentials", "packages"]);
  const huawei = object(root.huawei ?? {}, "huawei");
  onlyKeys(huawei, "huawei", ["credentials", "tokens", "users", "projects", "functions"]);

  const nameRule = { pattern: rules.packageName, text: `a package name matching ${rules.packageName}` };
  const ncpCredentials = list(ncp.credentials, "ncp.credentials").map((raw, i): NcpCredential => {
    const path = `ncp.credentials[${i}]`;
    const c = object(raw, path);
    onlyKeys(c, path, ["accessKey", "secretKey", "deny"]);
    return withOptional(
      {
        accessKey: string(c.accessKey, `${path}.accessKey`),
        secretKey: string(c.secretKey, `${path}.secretKey`),
      },
      { deny: denyList(c.deny, `${path}.deny`) },
    );
  });
  unique(ncpCredentials, (c) => c.accessKey, "ncp.credentials", "the accessKey");

  const packages = list(ncp.packages, "ncp.packages").map((raw, i): NcfPackage => {
    const path = `ncp.packages[${i}]`;
    const p = object(raw, path);
    onlyKeys(p, path, ["name", "platform", "actions", "description", "resourceId", "parameters"]);
    const name = p.name === "-" ? "-" : string(p.name, `${path}.name`, nameRule);
    const platform = (p.platform ?? "vpc") as Platform;
    if (platform !== "vpc" && platform !== "classic") {
      throw new SeedError(`${path}.platform`, 'must be "vpc" or "classic"');
    }
    const actions = list(p.actions, `${path}.actions`).map((a, j): string | NcfAction => {
      const actionPath = `${path}.actions[${j}]`;
      const actionRule = { pattern: rules.packageName, text: `an action name matching ${rules.packageName}` };
      if (typeof a === "string") return string(a, actionPath, actionRule);
      const action = object(a, actionPath);
      onlyKeys(action, actionPath, ["name", "description", "type", "runtime"]);
      return withOptional(
        { name: string(action.name, `${actionPath}.name`, actionRule) },
        {
          description: optionalString(action.description, `${actionPath}.description`),
          type: optionalString(action.type, `${actionPath}.type`),
          runtime: optionalString(action.runtime, `${actionPath}.runtime`),
        },
      );
    });
    unique(actions, actionName, `${path}.actions`, "the action");
    if (p.parameters !== undefined) object(p.parameters, `${path}.parameters`);
    return withOptional(
      { name, platform, actions },
      {
        description: optionalString(p.description, `${path}.description`),
        resourceId: optionalString(p.resourceId, `${path}.resourceId`),
        parameters: p.parameters,
      },
    );
  });
  unique(packages, (p) => `${p.name} on ${p.platform}`, "ncp.packages", "the package");

  const huaweiCredentials = list(huawei.credentials, "huawei.credentials").map((raw, i): HuaweiCredential => {
    const path = `huawei.credentials[${i}]`;
    const c = object(raw, path);
    onlyKeys(c, path, ["accessKey", "secretKey", "securityToken", "deny"]);
    return withOptional(
      {
        accessKey: string(c.accessKey, `${path}.accessKey`),
        secretKey: string(c.secretKey, `${path}.secretKey`),
      },
      {
        securityToken:
          c.securityToken === undefined ? undefined : string(c.securityToken, `${path}.securityToken`),
        deny: denyList(c.deny, `${path}.deny`),
      },
    );
  });
  unique(huaweiCredentials, (c) => c.accessKey, "huawei.credentials", "the accessKey");

  const projectRule = { pattern: rules.projectId, text: "32 letters or digits" };
  const tokens = list(huawei.tokens, "huawei.tokens").map((raw, i): HuaweiToken => {
    const path = `huawei.tokens[${i}]`;
    const t = object(raw, path);
    onlyKeys(t, path, ["token", "expiresAt", "projectId"]);
    return withOptional(
      { token: string(t.token, `${path}.token`), expiresAt: instant(t.expiresAt, `${path}.expiresAt`) },
      {
        projectId:
          t.projectId === undefined ? undefined : string(t.projectId, `${path}.projectId`, projectRule),
      },
    );
  });

  const users = list(huawei.users, "huawei.users").map((raw, i): HuaweiUser => {
    const path = `huawei.users[${i}]`;
    const u = object(raw, path);
    onlyKeys(u, path, ["domain", "name", "password"]);
    return {
      domain: string(u.domain, `${path}.domain`),
      name: string(u.name, `${path}.name`),
      password: string(u.password, `${path}.password`),
    };
  });
  unique(users, (u) => `${u.domain}/${u.name}`, "huawei.users", "the user");

  const projects = list(huawei.projects, "huawei.projects").map((raw, i): HuaweiProject => {
    const path = `huawei.projects[${i}]`;
    const p = object(raw, path);
    onlyKeys(p, path, ["id", "name"]);
    return { id: string(p.id, `${path}.id`, projectRule), name: string(p.name, `${path}.name`) };
  });
  unique(projects, (p) => p.id, "huawei.projects", "the project id");

  const urnRule = {
    pattern: rules.functionUrn,
    text: "a 7-field function URN urn:fss:<region>:<project>:function:<package>:<name>",
  };
  const versionRule = {
    pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    text: "a version name (letters, digits, . _ -)",
  };
  const functions = list(huawei.functions, "huawei.functions").map((raw, i): FgsFunction => {
    const path = `huawei.functions[${i}]`;
    const f = object(raw, path);
    onlyKeys(f, path, ["urn", "versions", "aliases", "lastModified"]);
    const urn = string(f.urn, `${path}.urn`, urnRule);
    if (urn.split(":").length !== 7) throw new SeedError(`${path}.urn`, `must be ${urnRule.text}`);
    const versions = list(f.versions, `${path}.versions`).map((v, j) => {
      const version = string(v, `${path}.versions[${j}]`, versionRule);
      if (version === "latest")
        throw new SeedError(`${path}.versions[${j}]`, "must not be latest (it always exists)");
      return version;
    });
    unique(versions, (v) => v, `${path}.versions`, "the version");
    const aliases: Record<string, string> = {};
    for (const [alias, target] of Object.entries(object(f.aliases ?? {}, `${path}.aliases`))) {
      const aliasPath = `${path}.aliases.${alias}`;
      if (!/^[A-Za-z0-9_-]{1,63}$/.test(alias)) {
        throw new SeedError(aliasPath, "the alias name must be 1-63 letters, digits, _ or -");
      }
      const version = string(target, aliasPath);
      if (version !== "latest" && !versions.includes(version)) {
        throw new SeedError(
          aliasPath,
          `must name one of the function's versions or latest, not ${JSON.stringify(version)}`,
        );
      }
      aliases[alias] = version;
    }
    const fn: FgsFunction = { urn };
    if (f.versions !== undefined) fn.versions = versions;
    if (f.aliases !== undefined) fn.aliases = aliases;
    if (f.lastModified !== undefined) fn.lastModified = instant(f.lastModified, `${path}.lastModified`);
    return fn;
  });
  unique(functions, (f) => f.urn, "huawei.functions", "the function");

  return {
    ncp: { credentials: ncpCredentials, packages },
    huawei: { credentials: huaweiCredentials, tokens, users, projects, functions },
  };
}

export function actionName(action: string | NcfAction): string {
  return typeof action === "string" ? action : action.name;
}

/** An empty state: no credentials, so in `auth: "verify"` mode nothing is accepted. */
export function emptyState(): EmulatorState {
  return parseSeed({});
}
