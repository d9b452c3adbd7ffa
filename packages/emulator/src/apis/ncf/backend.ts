import { actionName, type NcfAction, type NcfPackage, type NcpSection, type Platform } from "./state.js";

// NAVER Cloud Functions as plain functions over the `ncp` section: no HTTP, and the section they are given
// is not changed. An accepted change is returned as a function the state store applies (once written); a
// refusal is the domain error, which the handlers turn into the documented answer.

export type NcfError =
  | { error: "PackageNotFound" }
  | { error: "PackagePlatformMismatch" }
  | { error: "PackageNotEmpty" }
  | { error: "ActionNotFound" }
  | { error: "ActionPlatformMismatch" };

/** A change of the `ncp` section, applied by the state store. */
export type NcpChange = (ncp: NcpSection) => void;

export const isNcfError = (x: object): x is NcfError => typeof x === "object" && "error" in x;

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

export function deletePackage(ncp: NcpSection, name: string, platform: Platform): NcpChange | NcfError {
  const pkg = getPackage(ncp, name, platform);
  if (isNcfError(pkg)) return pkg;
  if (pkg.actions.length > 0) return { error: "PackageNotEmpty" };
  return (next) => {
    const index = next.packages.findIndex((p) => p.name === name && p.platform === platform);
    if (index !== -1) next.packages.splice(index, 1);
  };
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
): NcpChange | NcfError {
  const holds = (p: NcfPackage) => p.name === packageName && p.actions.some((a) => actionName(a) === action);
  if (ncp.packages.some((p) => p.platform === platform && holds(p))) {
    return (next) => {
      const pkg = next.packages.find((p) => p.platform === platform && p.name === packageName);
      if (pkg) pkg.actions = pkg.actions.filter((a) => actionName(a) !== action);
    };
  }
  // Assumption: an action that exists only on the other platform is the documented 80302 mismatch.
  return ncp.packages.some(holds) ? { error: "ActionPlatformMismatch" } : { error: "ActionNotFound" };
}

/** The packages of a platform (not `-`, the actions in no package), in the state's order. */
export function listPackages(ncp: NcpSection, platform: Platform): NcfPackage[] {
  return ncp.packages.filter((p) => p.platform === platform && p.name !== "-");
}
