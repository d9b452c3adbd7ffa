import { replaced, without } from "../../immutable.js";
import { actionName, type NcfAction, type NcfPackage, type NcpSection, type Platform } from "./state.js";

// NAVER Cloud Functions as plain functions over the `ncp` section: no HTTP, no mutation. A change returns
// the next section; a refusal returns the domain error, which the handlers turn into the documented answer.

export type NcfError =
  | { error: "PackageNotFound" }
  | { error: "PackagePlatformMismatch" }
  | { error: "PackageNotEmpty" }
  | { error: "ActionNotFound" }
  | { error: "ActionPlatformMismatch" };

export const isNcfError = (x: object): x is NcfError => "error" in x;

const otherPlatform = (platform: Platform): Platform => (platform === "vpc" ? "classic" : "vpc");

function find(ncp: NcpSection, name: string, platform: Platform): NcfPackage | undefined {
  return ncp.packages.find((p) => p.name === name && p.platform === platform);
}

/** The package on that platform; one that exists only on the other platform is a mismatch (assumption). */
export function getPackage(ncp: NcpSection, name: string, platform: Platform): NcfPackage | NcfError {
  const pkg = find(ncp, name, platform);
  if (pkg) return pkg;
  return find(ncp, name, otherPlatform(platform))
    ? { error: "PackagePlatformMismatch" }
    : { error: "PackageNotFound" };
}

export function deletePackage(ncp: NcpSection, name: string, platform: Platform): NcpSection | NcfError {
  const pkg = getPackage(ncp, name, platform);
  if (isNcfError(pkg)) return pkg;
  if (pkg.actions.length > 0) return { error: "PackageNotEmpty" };
  return { ...ncp, packages: without(ncp.packages, ncp.packages.indexOf(pkg)) };
}

/** The actions of a package; `-` names the actions in no package (the seed's package `-`, if any). */
export function listActions(ncp: NcpSection, name: string, platform: Platform): NcfAction[] | NcfError {
  const pkg = name === "-" ? find(ncp, "-", platform) : getPackage(ncp, name, platform);
  if (pkg && isNcfError(pkg)) return pkg;
  return (pkg?.actions ?? []).map((a) => (typeof a === "string" ? { name: a } : a));
}

export function deleteAction(
  ncp: NcpSection,
  packageName: string,
  action: string,
  platform: Platform,
): NcpSection | NcfError {
  const holds = (p: NcfPackage) => p.name === packageName && p.actions.some((a) => actionName(a) === action);
  const pkg = ncp.packages.find((p) => p.platform === platform && holds(p));
  if (pkg) {
    const next = { ...pkg, actions: pkg.actions.filter((a) => actionName(a) !== action) };
    return { ...ncp, packages: replaced(ncp.packages, ncp.packages.indexOf(pkg), next) };
  }
  // Assumption: an action that exists only on the other platform is the documented 80302 mismatch.
  return ncp.packages.some(holds) ? { error: "ActionPlatformMismatch" } : { error: "ActionNotFound" };
}
