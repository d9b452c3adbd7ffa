import { isGone, parseFunctionUrn, URN_RULES } from "@fnapi/fgs-client";
import {
  checkCount,
  checkDate,
  checkName,
  checkSignal,
  ITEMS_PER_TURN,
  nameFilter,
  parseAge,
  pause,
  pruneOptions,
  type Skipped,
} from "@fnapi/runtime/internal";
import type { FgsPruneClient, PrunableAlias, PrunableFunction, PrunableVersion } from "./client.js";
import { assertClient, clip } from "./target.js";

// FunctionGraph prune, the plan: list, hold each listed item to the spec's rules, filter by globs and age,
// and with keepVersions list the versions and aliases of each match. Nothing is deleted.

/** Options of `planFgsPrune`. */
export interface FgsPruneOptions {
  /** Name globs (`*`, `?`); a function is planned when its name matches one. Required. */
  match: string[];
  /** Name globs to keep even when they match. */
  exclude?: string[];
  /** Only functions last modified longer ago than this: `7d`, `12h`, `30m`, `90s`, `2w`, or milliseconds. */
  olderThan?: string | number;
  /**
   * Delete only published versions beyond the newest N of each matching function (never `latest`, never a
   * version an alias points to), instead of whole functions.
   */
  keepVersions?: number;
  /** Only this package's functions (asked of the server, and checked again on each listed function). */
  packageName?: string;
  /** Stops the listing (and the plan). */
  signal?: AbortSignal;
  /** The clock for `olderThan`. Default now. */
  now?: Date;
}

/** A function or version a plan deletes. */
export interface FgsPruneTarget {
  /** The URN deleted: 7 fields for a function, 8 for a version. */
  urn: string;
  /** The function name. */
  name: string;
  /** A whole function, or one version. */
  kind: "function" | "version";
  /** The version, for a version. */
  version?: string;
  /** When it was last changed, as listed. */
  lastModified?: string;
}

/** What `applyFgsPrune` deletes, and what was kept. Plain data. */
export interface FgsPrunePlan {
  /** Always `fgs`. */
  cloud: "fgs";
  /** When the plan was made (the clock of `olderThan`). */
  createdAt: string;
  /** Whole functions, or versions (`keepVersions`). */
  mode: "functions" | "versions";
  /** The criteria, as checked. */
  criteria: {
    match: string[];
    exclude: string[];
    olderThan?: string | number;
    keepVersions?: number;
    packageName?: string;
  };
  /** Functions listed in all. */
  listed: number;
  /** What to delete: each distinct URN once. */
  targets: FgsPruneTarget[];
  /** Kept, with the reason (an alias, a missing date, a listed item that breaks the spec's rules). */
  skipped: Skipped<FgsPruneTarget>[];
}

/** A listed function as a target, or why it cannot be one (every field checked against the spec). */
function functionTarget(
  fn: PrunableFunction,
  packageName: string | undefined,
  projectId: string | undefined,
): FgsPruneTarget | string {
  let parts: ReturnType<typeof parseFunctionUrn>;
  try {
    // The URN as listed (the client keeps its first 7 fields): an alias's or a version's is not a function's.
    parts = parseFunctionUrn(fn.raw.func_urn);
  } catch {
    return "its URN breaks the spec's rules (urn:fss:<region>:<project>:function:<package>:<name>)";
  }
  if ((parts.version !== undefined && parts.version !== "latest") || parts.alias !== undefined) {
    return "its URN is not a function's";
  }
  if (fn.raw.func_name !== parts.name) return "its func_name is not the name in its URN";
  // A server may list what it likes: another project's function is not this client's to delete.
  if (projectId !== undefined && parts.projectId !== projectId) return "it is in another project";
  if (packageName !== undefined && parts.package !== packageName)
    return `it is not in package ${packageName}`;
  return {
    urn: fn.urn,
    name: parts.name,
    kind: "function",
    ...(fn.lastModified ? { lastModified: fn.lastModified.toISOString() } : {}),
  };
}

/** Lists and filters; with `keepVersions`, the versions of each match. Sends only listing requests. */
export async function planFgsPrune(fgs: FgsPruneClient, given: FgsPruneOptions): Promise<FgsPrunePlan> {
  assertClient(fgs, "planFgsPrune");
  const options = pruneOptions(given, "planFgsPrune", false);
  const filter = nameFilter(options.match, options.exclude);
  const age = parseAge("olderThan", options.olderThan);
  const keep =
    options.keepVersions === undefined
      ? undefined
      : checkCount("keepVersions", options.keepVersions, 0, 1000, 0);
  const packageName = checkName(
    "packageName",
    options.packageName,
    URN_RULES.package.pattern,
    URN_RULES.package.rule,
  );
  const signal = checkSignal("signal", options.signal);
  const now = checkDate("now", options.now).getTime();
  const plan: FgsPrunePlan = {
    cloud: "fgs",
    createdAt: new Date(now).toISOString(),
    mode: keep === undefined ? "functions" : "versions",
    criteria: {
      match: [...(options.match as string[])],
      exclude: [...((options.exclude as string[] | undefined) ?? [])],
      ...(options.olderThan !== undefined ? { olderThan: options.olderThan as string | number } : {}),
      ...(keep !== undefined ? { keepVersions: keep } : {}),
      ...(packageName !== undefined ? { packageName } : {}),
    },
    listed: 0,
    targets: [],
    skipped: [],
  };
  const matched = new Map<string, FgsPruneTarget>();
  const listing = fgs.listFunctions({
    ...(packageName ? { packageName } : {}),
    ...(signal ? { signal } : {}),
  });
  for await (const fn of listing) {
    if (++plan.listed % ITEMS_PER_TURN === 0) await pause(signal);
    const target = functionTarget(fn, packageName, fgs.projectId);
    if (typeof target === "string") {
      plan.skipped.push({
        target: { urn: clip(fn.urn), name: clip(fn.name), kind: "function" },
        reason: target,
      });
      continue;
    }
    if (matched.has(target.urn) || !filter.matches(target.name)) continue;
    if (age !== undefined) {
      if (!fn.lastModified) {
        plan.skipped.push({ target, reason: "last_modified is missing or not a date" });
        continue;
      }
      if (now - fn.lastModified.getTime() < age) continue; // too recent: not a candidate
    }
    matched.set(target.urn, target);
  }
  if (keep === undefined) {
    plan.targets = [...matched.values()];
    return plan;
  }
  for (const fn of matched.values()) {
    await pause(signal);
    await planVersions(fgs, fn, keep, plan, signal);
  }
  return plan;
}

/** The versions of `fn` beyond the newest `keep`, each checked against the spec, never one an alias names. */
async function planVersions(
  fgs: FgsPruneClient,
  fn: FgsPruneTarget,
  keep: number,
  plan: FgsPrunePlan,
  signal: AbortSignal | undefined,
): Promise<void> {
  const options = signal ? { signal } : {};
  let listed: PrunableVersion[];
  let aliases: PrunableAlias[];
  try {
    [listed, aliases] = await Promise.all([
      fgs.listVersions(fn.urn, options),
      fgs.listAliases(fn.urn, options),
    ]);
  } catch (error) {
    // Deleted since it was listed (404 FSS.1051, the client's isGone): nothing of it left to prune.
    if (isGone(error)) return;
    throw error;
  }
  const pointedTo = new Map<string, string>();
  for (const alias of aliases) {
    pointedTo.set(alias.version, alias.name);
    for (const weighted of Object.keys(alias.additionalVersions)) pointedTo.set(weighted, alias.name);
  }
  const seen = new Set<string>();
  const published = [];
  for (const v of listed) {
    if (v.version === "latest" || seen.has(v.version)) continue;
    seen.add(v.version);
    if (!URN_RULES.version.pattern.test(v.version)) {
      // "!stable" would make the URN an alias's: deleting it deletes what the alias points to.
      const target = { urn: clip(fn.urn), name: fn.name, kind: "version" as const, version: clip(v.version) };
      plan.skipped.push({
        target,
        reason: `the listed version breaks the spec's rule (${URN_RULES.version.rule})`,
      });
      continue;
    }
    published.push(v);
  }
  published.sort(
    (a, b) =>
      (b.lastModified?.getTime() ?? 0) - (a.lastModified?.getTime() ?? 0) ||
      b.version.localeCompare(a.version),
  );
  for (const v of published.slice(keep)) {
    const target: FgsPruneTarget = {
      urn: `${fn.urn}:${v.version}`,
      name: fn.name,
      kind: "version",
      version: v.version,
      ...(v.lastModified ? { lastModified: v.lastModified.toISOString() } : {}),
    };
    const alias = pointedTo.get(v.version);
    if (alias !== undefined) plan.skipped.push({ target, reason: `alias ${clip(alias)} points to it` });
    else plan.targets.push(target);
  }
}
