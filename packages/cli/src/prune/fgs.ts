import { type FgsClient, isGone, ValidationError } from "@fnapi/fgs-client";
import { type ApplyPlanOptions, applyPlan } from "./apply.js";
import { checkCount, nameFilter, parseAge } from "./criteria.js";
import type { Done } from "./engine.js";
import type { PruneReport, Skipped } from "./report.js";

// FunctionGraph prune: plan (list, filter, and with keepVersions the versions of each match), then apply
// (delete with bounded concurrency and one shared back-off), then confirm (list again, bounded wait).

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
  /** Only this package's functions. */
  packageName?: string;
  signal?: AbortSignal;
  /** The clock for `olderThan`. Default now. */
  now?: Date;
}

export interface FgsPruneTarget {
  /** The URN deleted: 7 fields for a function, 8 for a version. */
  urn: string;
  name: string;
  kind: "function" | "version";
  version?: string;
  lastModified?: string;
}

export interface FgsPrunePlan {
  cloud: "fgs";
  createdAt: string;
  mode: "functions" | "versions";
  criteria: { match: string[]; exclude: string[]; olderThan?: string | number; keepVersions?: number };
  /** Functions listed in all. */
  listed: number;
  targets: FgsPruneTarget[];
  skipped: Skipped<FgsPruneTarget>[];
}

export async function planFgsPrune(fgs: FgsClient, options: FgsPruneOptions): Promise<FgsPrunePlan> {
  if (typeof options !== "object" || options === null) {
    throw new ValidationError("options", "are missing", 'give at least { match: ["glob"] }');
  }
  const filter = nameFilter(options.match, options.exclude);
  const age = parseAge("olderThan", options.olderThan);
  const keep =
    options.keepVersions === undefined
      ? undefined
      : checkCount("keepVersions", options.keepVersions, 0, 1000, 0);
  const now = (options.now ?? new Date()).getTime();
  const plan: FgsPrunePlan = {
    cloud: "fgs",
    createdAt: new Date(now).toISOString(),
    mode: keep === undefined ? "functions" : "versions",
    criteria: {
      match: [...options.match],
      exclude: [...(options.exclude ?? [])],
      ...(options.olderThan !== undefined ? { olderThan: options.olderThan } : {}),
      ...(keep !== undefined ? { keepVersions: keep } : {}),
    },
    listed: 0,
    targets: [],
    skipped: [],
  };
  const matched: FgsPruneTarget[] = [];
  const listing = fgs.listFunctions({
    ...(options.packageName !== undefined ? { packageName: options.packageName } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  for await (const fn of listing) {
    plan.listed++;
    if (!filter.matches(fn.name)) continue;
    const target: FgsPruneTarget = {
      urn: fn.urn,
      name: fn.name,
      kind: "function",
      ...(fn.lastModified ? { lastModified: fn.lastModified.toISOString() } : {}),
    };
    if (age !== undefined) {
      if (!fn.lastModified) {
        plan.skipped.push({ target, reason: "last_modified is missing or not a date" });
        continue;
      }
      if (now - fn.lastModified.getTime() < age) continue; // too recent: not a candidate
    }
    matched.push(target);
  }
  if (keep === undefined) {
    plan.targets = matched;
    return plan;
  }
  for (const fn of matched) {
    const signal = options.signal ? { signal: options.signal } : {};
    let versions: Awaited<ReturnType<FgsClient["listVersions"]>>;
    let aliases: Awaited<ReturnType<FgsClient["listAliases"]>>;
    try {
      [versions, aliases] = await Promise.all([
        fgs.listVersions(fn.urn, signal),
        fgs.listAliases(fn.urn, signal),
      ]);
    } catch (error) {
      // Deleted since it was listed (404 FSS.1051, the client's isGone): nothing of it left to prune.
      if (isGone(error)) continue;
      throw error;
    }
    const pointedTo = new Map<string, string>();
    for (const alias of aliases) {
      pointedTo.set(alias.version, alias.name);
      for (const weighted of Object.keys(alias.additionalVersions)) pointedTo.set(weighted, alias.name);
    }
    const published = versions
      .filter((v) => v.version !== "latest")
      .sort(
        (a, b) =>
          (b.lastModified?.getTime() ?? 0) - (a.lastModified?.getTime() ?? 0) ||
          b.version.localeCompare(a.version),
      );
    for (const v of published.slice(keep)) {
      const target: FgsPruneTarget = {
        urn: v.urn,
        name: fn.name,
        kind: "version",
        version: v.version,
        ...(v.lastModified ? { lastModified: v.lastModified.toISOString() } : {}),
      };
      const alias = pointedTo.get(v.version);
      if (alias !== undefined) plan.skipped.push({ target, reason: `alias ${alias} points to it` });
      else plan.targets.push(target);
    }
  }
  return plan;
}

export type ApplyOptions = ApplyPlanOptions<FgsPruneTarget>;

export async function applyFgsPrune(
  fgs: FgsClient,
  plan: FgsPrunePlan,
  options: ApplyOptions = {},
): Promise<PruneReport<FgsPruneTarget>> {
  return applyPlan(
    plan,
    async (target): Promise<Done> => {
      // Already gone (404 FSS.1051/1052, the client's isGone) counts as done: a resumed run finishes the job.
      const { alreadyGone } = await fgs.deleteFunction(target.urn, { missingOk: true });
      return alreadyGone ? "gone" : "deleted";
    },
    (done) => stillThere(fgs, plan, done),
    options,
  );
}

/** The planned-and-done targets that the listing still shows. */
async function stillThere(
  fgs: FgsClient,
  plan: FgsPrunePlan,
  done: FgsPruneTarget[],
): Promise<FgsPruneTarget[]> {
  if (plan.mode === "functions") {
    const wanted = new Map(done.map((t) => [t.urn, t]));
    const found: FgsPruneTarget[] = [];
    for await (const fn of fgs.listFunctions()) {
      const t = wanted.get(fn.urn);
      if (t) found.push(t);
    }
    return found;
  }
  const found: FgsPruneTarget[] = [];
  const byFunction = new Map<string, FgsPruneTarget[]>();
  for (const t of done) {
    const fn = t.urn.split(":").slice(0, 7).join(":");
    byFunction.set(fn, [...(byFunction.get(fn) ?? []), t]);
  }
  for (const [fn, targets] of byFunction) {
    const versions = new Set(
      await fgs.listVersions(fn).then(
        (vs) => vs.map((v) => v.version),
        () => [] as string[], // the function itself is gone: so are its versions
      ),
    );
    found.push(...targets.filter((t) => versions.has(t.version ?? "")));
  }
  return found;
}
