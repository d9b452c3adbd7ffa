import * as v2 from "../ncf/backend.js";
import { isNcfError } from "../ncf/backend.js";
import type { NcfAction, NcfPackage, NcpSection, Platform } from "../ncf/state.js";
import type { NcfVersion, NcpV3Fields } from "./state.js";

// API v3 as plain functions over the one `ncp` section the v2.1 module owns: the packages and actions are
// found and changed through the v2.1 backend (so a package deleted through v3 is gone through v2.1), with
// v3's rules around it: `default` is no package, `-` every package (lists only), versions are VPC only and
// go with their action. A refusal is a domain error; the handlers answer it.

export type V3Error =
  | { error: "InvalidParameter"; field: string; detail: string }
  | { error: "PackageNotFound" }
  | { error: "ActionNotFound" }
  | { error: "VersionNotFound" }
  | { error: "ResourceInUse" };

export type Section = NcpSection & NcpV3Fields;
export type Change = (ncp: Section) => void;

export const isV3Error = (x: object): x is V3Error => "error" in x;

const NO_PACKAGE = "default";
/** The v2.1 state keeps the actions in no package under the package `-`. */
const stateName = (v3Name: string) => (v3Name === NO_PACKAGE ? "-" : v3Name);

/** Names ascending, case-insensitive; names equal but for case in code-point order. */
export const byName = (a: string, b: string): number => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

/** `CLASSIC` exists in Korea only. */
export function checkPlatform(ncp: Section, platform: Platform): V3Error | undefined {
  if (platform === "classic" && (ncp.region ?? "kr") !== "kr")
    return {
      error: "InvalidParameter",
      field: "platform",
      detail: "CLASSIC is not available in this region.",
    };
  return undefined;
}

export function getPackage(ncp: Section, name: string, platform: Platform): NcfPackage | V3Error {
  if (name === NO_PACKAGE || name === "-") return { error: "PackageNotFound" };
  const pkg = v2.getPackage(ncp, name, platform);
  // Resources are separated per platform: the other platform's package is not found (v2.1: a mismatch).
  return isNcfError(pkg) ? { error: "PackageNotFound" } : pkg;
}

export function deletePackage(ncp: Section, name: string, platform: Platform): Change | V3Error {
  const pkg = getPackage(ncp, name, platform);
  if (isV3Error(pkg)) return pkg;
  const outcome = v2.deletePackage(ncp, name, platform);
  if (isNcfError(outcome))
    return outcome.error === "PackageNotEmpty" ? { error: "ResourceInUse" } : { error: "PackageNotFound" };
  return outcome;
}

export interface ListedAction extends NcfAction {
  packageName: string;
}

const listed = (pkg: NcfPackage) =>
  pkg.actions
    .map(
      (a): ListedAction => ({
        ...(typeof a === "string" ? { name: a } : a),
        packageName: pkg.name === "-" ? NO_PACKAGE : pkg.name,
      }),
    )
    .sort((a, b) => byName(a.name, b.name));

/** `default`: the actions in no package; `-`: every package's, unpackaged first, then by package name. */
export function listActions(ncp: Section, name: string, platform: Platform): ListedAction[] | V3Error {
  const packages = ncp.packages.filter((p) => p.platform === platform);
  if (name === "-") {
    const order = (p: NcfPackage) => (p.name === "-" ? "" : p.name);
    return [...packages].sort((a, b) => byName(order(a), order(b))).flatMap(listed);
  }
  if (name === NO_PACKAGE) {
    const none = packages.find((p) => p.name === "-");
    return none ? listed(none) : [];
  }
  const pkg = getPackage(ncp, name, platform);
  return isV3Error(pkg) ? pkg : listed(pkg);
}

export function getAction(
  ncp: Section,
  packageName: string,
  action: string,
  platform: Platform,
): ListedAction | V3Error {
  const actions = listActions(ncp, packageName, platform);
  if (isV3Error(actions)) return actions;
  return actions.find((a) => a.name === action) ?? { error: "ActionNotFound" };
}

/** Deletes the action and its versions. */
export function deleteAction(
  ncp: Section,
  packageName: string,
  action: string,
  platform: Platform,
): Change | V3Error {
  const found = getAction(ncp, packageName, action, platform);
  if (isV3Error(found)) return found;
  const outcome = v2.deleteAction(ncp, stateName(packageName), action, platform);
  if (isNcfError(outcome)) return { error: "ActionNotFound" };
  return (next) => {
    outcome(next);
    if (platform === "vpc") dropVersions(next, packageName, action);
  };
}

function dropVersions(ncp: Section, packageName: string, action: string): void {
  const entries = ncp.actionVersions;
  if (!entries) return;
  const i = entries.findIndex((e) => e.package === packageName && e.action === action);
  if (i !== -1) entries.splice(i, 1);
}

const VPC_ONLY: V3Error = {
  error: "InvalidParameter",
  field: "platform",
  detail: "Action versions are available on VPC only.",
};

/** An action's versions, newest first, then by name (code-point order). */
export function listVersions(
  ncp: Section,
  packageName: string,
  action: string,
  platform: Platform,
): NcfVersion[] | V3Error {
  if (platform !== "vpc") return VPC_ONLY;
  const found = getAction(ncp, packageName, action, platform);
  if (isV3Error(found)) return found;
  const entry = ncp.actionVersions?.find((e) => e.package === packageName && e.action === action);
  return [...(entry?.versions ?? [])].sort(
    (a, b) =>
      Date.parse(b.createdDateTime) - Date.parse(a.createdDateTime) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

export function getVersion(
  ncp: Section,
  packageName: string,
  action: string,
  version: string,
  platform: Platform,
): NcfVersion | V3Error {
  const versions = listVersions(ncp, packageName, action, platform);
  if (isV3Error(versions)) return versions;
  return versions.find((v) => v.name === version) ?? { error: "VersionNotFound" };
}

export function deleteVersion(
  ncp: Section,
  packageName: string,
  action: string,
  version: string,
  platform: Platform,
): Change | V3Error {
  const found = getVersion(ncp, packageName, action, version, platform);
  if (isV3Error(found)) return found;
  return (next) => {
    const entry = next.actionVersions?.find((e) => e.package === packageName && e.action === action);
    if (entry) entry.versions = entry.versions.filter((v) => v.name !== version);
  };
}

/** The packages of a platform, names ascending; never `default` (nor v2.1's `-`). */
export function listPackages(ncp: Section, platform: Platform): NcfPackage[] {
  return v2.listPackages(ncp, platform).sort((a, b) => byName(a.name, b.name));
}
