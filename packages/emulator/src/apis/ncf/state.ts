import {
  credentialList,
  list,
  object,
  onlyKeys,
  optionalString,
  SeedError,
  type SpecSchemas,
  specString,
  unique,
  withOptional,
} from "../../seed-fields.js";

// NCF's slice of the state: the `ncp` section (credentials, packages and their actions), and its seed rules,
// taken from specs/ncf.yaml's schemas (PackageName, ActionName).

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

export interface NcpSection {
  credentials: NcpCredential[];
  packages: NcfPackage[];
}

/** What NCF reads: its `ncp` section. */
export interface NcpState {
  ncp: NcpSection;
}

export function actionName(action: string | NcfAction): string {
  return typeof action === "string" ? action : action.name;
}

function action(a: unknown, path: string, spec: SpecSchemas): string | NcfAction {
  if (typeof a === "string") return specString(a, path, spec, "ActionName", "an action name");
  const value = object(a, path);
  onlyKeys(value, path, ["name", "description", "type", "runtime"]);
  return withOptional(
    { name: specString(value.name, `${path}.name`, spec, "ActionName", "an action name") },
    {
      description: optionalString(value.description, `${path}.description`),
      type: optionalString(value.type, `${path}.type`),
      runtime: optionalString(value.runtime, `${path}.runtime`),
    },
  );
}

function packages(raw: unknown, path: string, spec: SpecSchemas): NcfPackage[] {
  const items = list(raw, path).map((item, i): NcfPackage => {
    const at = `${path}[${i}]`;
    const p = object(item, at);
    onlyKeys(p, at, ["name", "platform", "actions", "description", "resourceId", "parameters"]);
    const name =
      p.name === "-" ? "-" : specString(p.name, `${at}.name`, spec, "PackageName", "a package name");
    const platform = (p.platform ?? "vpc") as Platform;
    if (platform !== "vpc" && platform !== "classic") {
      throw new SeedError(`${at}.platform`, 'must be "vpc" or "classic"');
    }
    const actions = list(p.actions, `${at}.actions`).map((a, j) => action(a, `${at}.actions[${j}]`, spec));
    unique(actions, actionName, `${at}.actions`, "the action");
    if (p.parameters !== undefined) object(p.parameters, `${at}.parameters`);
    return withOptional(
      { name, platform, actions },
      {
        description: optionalString(p.description, `${at}.description`),
        resourceId: optionalString(p.resourceId, `${at}.resourceId`),
        parameters: p.parameters,
      },
    );
  });
  unique(items, (p) => `${p.name} on ${p.platform}`, path, "the package");
  return items;
}

export const ncpFields = {
  credentials: (raw: unknown, path: string): NcpCredential[] =>
    credentialList(raw, path, [], (_c, _at, base) => base),
  packages,
};
