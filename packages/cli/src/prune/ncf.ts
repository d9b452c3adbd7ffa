import { type NcfClient, type Platform, ValidationError } from "@fnapi/ncf-client";
import { type ApplyPlanOptions, applyPlan } from "./apply.js";
import { nameFilter } from "./criteria.js";
import type { Done } from "./engine.js";
import type { PruneReport, Skipped } from "./report.js";

// NCF prune: plan (list the platform's packages, filter by name), apply (each package with its actions: the
// cascade), confirm (list again, bounded wait).

export interface NcfPruneOptions {
  match: string[];
  exclude?: string[];
  /** Default `vpc` (in the financial and government zones: leave it out). */
  platform?: Platform;
  signal?: AbortSignal;
}

export interface NcfPruneTarget {
  name: string;
  platform?: Platform;
}

export interface NcfPrunePlan {
  cloud: "ncf";
  createdAt: string;
  criteria: { match: string[]; exclude: string[]; platform?: Platform };
  listed: number;
  targets: NcfPruneTarget[];
  skipped: Skipped<NcfPruneTarget>[];
}

export async function planNcfPrune(ncf: NcfClient, options: NcfPruneOptions): Promise<NcfPrunePlan> {
  if (typeof options !== "object" || options === null) {
    throw new ValidationError("options", "are missing", 'give at least { match: ["glob"] }');
  }
  const filter = nameFilter(options.match, options.exclude);
  const platform = options.platform;
  const packages = await ncf.listPackages({
    ...(platform ? { platform } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return {
    cloud: "ncf",
    createdAt: new Date().toISOString(),
    criteria: {
      match: [...options.match],
      exclude: [...(options.exclude ?? [])],
      ...(platform ? { platform } : {}),
    },
    listed: packages.length,
    targets: packages
      .filter((p) => filter.matches(p.name))
      .map((p) => ({ name: p.name, ...(platform ? { platform } : {}) })),
    skipped: [],
  };
}

export type NcfApplyOptions = ApplyPlanOptions<NcfPruneTarget>;

export async function applyNcfPrune(
  ncf: NcfClient,
  plan: NcfPrunePlan,
  options: NcfApplyOptions = {},
): Promise<PruneReport<NcfPruneTarget>> {
  return applyPlan(
    plan,
    async (target): Promise<Done> => {
      // The cascade deletes the actions first (a few at a time), then the package; already gone (404 80101,
      // the client's isGone) counts as done, so that a resumed run finishes the job.
      const { alreadyGone } = await ncf.deletePackage(target.name, {
        cascade: true,
        concurrency: 2,
        missingOk: true,
        ...(target.platform ? { platform: target.platform } : {}),
      });
      return alreadyGone ? "gone" : "deleted";
    },
    async (done) => {
      const { platform } = plan.criteria;
      const names = new Set((await ncf.listPackages(platform ? { platform } : {})).map((p) => p.name));
      return done.filter((t) => names.has(t.name));
    },
    options,
  );
}
