import { PACKAGE_NAME_PATTERN, ValidationError } from "@fnapi/ncf-client";
import {
  type ApplyPlanOptions,
  applyPlan,
  checkSignal,
  ITEMS_PER_TURN,
  nameFilter,
  type PruneReport,
  pause,
  pruneOptions,
  type Skipped,
} from "@fnapi/runtime/internal";

// NCF prune: plan (list the platform's packages, hold each name to the spec's rule, filter by globs), apply
// (each package with its actions: the client's cascade, on its send path and retry strategy), confirm (list
// again, bounded wait), report.

/** An NCF platform: VPC, or the older Classic. */
export type NcfPrunePlatform = "vpc" | "classic";

/**
 * The operations of an NCF client a prune calls: `createNcfClient(…)` gives one. A structural type, so that
 * the prune entry's declarations name no type of the main entry.
 */
export interface NcfPruneClient {
  /** The platform's packages. */
  listPackages(options?: { platform?: NcfPrunePlatform; signal?: AbortSignal }): Promise<{ name: string }[]>;
  /** Deletes a package with its actions. */
  deletePackage(
    packageName: string,
    options: { cascade: true; concurrency?: number; missingOk?: boolean; platform?: NcfPrunePlatform },
  ): Promise<{ alreadyGone: boolean; attempts: number }>;
}

/** Options of `planNcfPrune`. */
export interface NcfPruneOptions {
  /** Package name globs (`*`, `?`); a package is planned when its name matches one. Required. */
  match: string[];
  /** Name globs to keep even when they match. */
  exclude?: string[];
  /** Default `vpc` (in the financial and government zones: leave it out). */
  platform?: NcfPrunePlatform;
  /** Stops the listing (and the plan). */
  signal?: AbortSignal;
}

/** A package a plan deletes, with its actions. */
export interface NcfPruneTarget {
  /** The package name. */
  name: string;
  /** Its platform, when the plan named one. */
  platform?: NcfPrunePlatform;
}

/** What `applyNcfPrune` deletes, and what was kept. Plain data. */
export interface NcfPrunePlan {
  /** Always `ncf`. */
  cloud: "ncf";
  /** When the plan was made. */
  createdAt: string;
  /** The criteria, as checked. */
  criteria: { match: string[]; exclude: string[]; platform?: NcfPrunePlatform };
  /** Packages listed in all. */
  listed: number;
  /** What to delete: each distinct name once. */
  targets: NcfPruneTarget[];
  /** Kept, with the reason (a listed name that breaks the spec's rule). */
  skipped: Skipped<NcfPruneTarget>[];
}

/** Options of `applyNcfPrune`. */
export type NcfApplyOptions = ApplyPlanOptions<NcfPruneTarget>;

const clip = (value: string) => (value.length > 80 ? `${value.slice(0, 80)}…` : value);
const isPlatform = (value: unknown): value is NcfPrunePlatform => value === "vpc" || value === "classic";

function assertClient(ncf: unknown, call: string): void {
  const methods = ["listPackages", "deletePackage"];
  if (
    typeof ncf !== "object" ||
    ncf === null ||
    methods.some((m) => typeof (ncf as never)[m] !== "function")
  ) {
    throw new ValidationError("ncf", "is not an NCF client", `give createNcfClient(…) to ${call}`);
  }
}

/** Lists the platform's packages and keeps those whose (valid) name matches. Sends one listing request. */
export async function planNcfPrune(ncf: NcfPruneClient, given: NcfPruneOptions): Promise<NcfPrunePlan> {
  assertClient(ncf, "planNcfPrune");
  const options = pruneOptions(given, "planNcfPrune", false);
  const filter = nameFilter(options.match, options.exclude);
  const platform = options.platform;
  if (platform !== undefined && !isPlatform(platform)) {
    throw new ValidationError("platform", "is not vpc or classic", "give vpc or classic, or leave it out");
  }
  const signal = checkSignal("signal", options.signal);
  const packages = await ncf.listPackages({
    ...(platform ? { platform } : {}),
    ...(signal ? { signal } : {}),
  });
  const plan: NcfPrunePlan = {
    cloud: "ncf",
    createdAt: new Date().toISOString(),
    criteria: {
      match: [...(options.match as string[])],
      exclude: [...((options.exclude as string[] | undefined) ?? [])],
      ...(platform ? { platform } : {}),
    },
    listed: packages.length,
    targets: [],
    skipped: [],
  };
  const seen = new Set<string>();
  for (const [i, p] of packages.entries()) {
    if (i % ITEMS_PER_TURN === ITEMS_PER_TURN - 1) await pause(signal);
    const name: unknown = p.name;
    if (typeof name !== "string" || name.length > 50 || !PACKAGE_NAME_PATTERN.test(name)) {
      const shown = clip(typeof name === "string" ? name : String(name));
      plan.skipped.push({
        target: { name: shown },
        reason: "the listed name breaks the spec's package name rule",
      });
      continue;
    }
    if (seen.has(name) || !filter.matches(name)) continue;
    seen.add(name);
    plan.targets.push({ name, ...(platform ? { platform } : {}) });
  }
  return plan;
}

function checkPlan(plan: unknown): NcfPrunePlan {
  const p = plan as NcfPrunePlan;
  const valid =
    typeof p === "object" &&
    p !== null &&
    p.cloud === "ncf" &&
    Array.isArray(p.targets) &&
    Array.isArray(p.skipped) &&
    typeof p.criteria === "object" &&
    p.criteria !== null &&
    (p.criteria.platform === undefined || isPlatform(p.criteria.platform)) &&
    p.targets.every(
      (t) =>
        typeof t === "object" &&
        t !== null &&
        typeof t.name === "string" &&
        PACKAGE_NAME_PATTERN.test(t.name) &&
        (t.platform === undefined || isPlatform(t.platform)),
    );
  if (!valid)
    throw new ValidationError("plan", "is not an NCF prune plan", "give what planNcfPrune returned");
  return p;
}

/** Deletes each planned package with its actions (each once), confirms, and reports, whatever fails. */
export async function applyNcfPrune(
  ncf: NcfPruneClient,
  plan: NcfPrunePlan,
  options?: NcfApplyOptions,
): Promise<PruneReport<NcfPruneTarget>> {
  assertClient(ncf, "applyNcfPrune");
  const checked = checkPlan(plan);
  return applyPlan(
    "applyNcfPrune",
    checked,
    {
      key: (t) => `${t.platform ?? ""}/${t.name}`,
      async remove(target) {
        // The cascade deletes the actions first, then the package; each request on the client's send path
        // (a 429 is retried there, after the actions already went). Already gone (404 80101) counts as done.
        const { alreadyGone, attempts } = await ncf.deletePackage(target.name, {
          cascade: true,
          concurrency: 2,
          missingOk: true,
          ...(target.platform ? { platform: target.platform } : {}),
        });
        return { status: alreadyGone ? "gone" : "deleted", attempts };
      },
      async stillThere(done, signal) {
        const { platform } = checked.criteria;
        const listed = await ncf.listPackages({
          ...(platform ? { platform } : {}),
          ...(signal ? { signal } : {}),
        });
        const names = new Set(listed.map((p) => p.name));
        return done.filter((t) => names.has(t.name));
      },
    },
    options,
  );
}
