import { type NcfClient, type NcfV3Client, ValidationError } from "@fnapi/ncf-client";
import { type ApplyPlanOptions, applyPlan } from "./apply.js";
import { checkCount, nameFilter } from "./criteria.js";
import type { Done } from "./engine.js";
import type { PruneReport } from "./report.js";

// NCF prune of action versions (API v3 only; record 0016): for each action of each package whose name
// matches, the versions beyond the newest N. Everything is listed completely first (page-number listings shift
// while things are deleted), then deleted, then listed again to confirm. v3 documents no "in use" state for a
// version (no alias points to one), so none is skipped for that; the newest N are always kept.

export interface NcfVersionPruneOptions {
  match: string[];
  exclude?: string[];
  /** Versions kept per action, newest first (0 to 10: v3 keeps at most 10). */
  keepVersions: number;
  signal?: AbortSignal;
}

export interface NcfVersionTarget {
  /** `package/action@version`. */
  name: string;
  package: string;
  action: string;
  version: string;
}

export interface NcfVersionPrunePlan {
  cloud: "ncf";
  createdAt: string;
  mode: "versions";
  criteria: { match: string[]; exclude: string[]; keepVersions: number };
  /** Packages listed. */
  listed: number;
  targets: NcfVersionTarget[];
  skipped: [];
}

function v3(ncf: NcfClient): NcfV3Client {
  if (ncf.api !== "v3")
    throw new ValidationError(
      "keepVersions",
      "needs API v3",
      "action versions exist in API v3 only: use --api v3",
    );
  return ncf;
}

export async function planNcfVersionPrune(
  client: NcfClient,
  options: NcfVersionPruneOptions,
): Promise<NcfVersionPrunePlan> {
  const ncf = v3(client);
  const filter = nameFilter(options.match, options.exclude);
  const keep = checkCount("keepVersions", options.keepVersions, 0, 10, 0);
  const signal = options.signal ? { signal: options.signal } : {};
  const packages = await ncf.listPackages(signal);
  const targets: NcfVersionTarget[] = [];
  for (const pkg of packages.filter((p) => filter.matches(p.name))) {
    for (const action of await ncf.listActions(pkg.name, signal)) {
      if (action.type?.toString().startsWith("sequence")) continue; // sequences have no versions
      const versions = await ncf.listActionVersions(pkg.name, action.name, signal);
      for (const version of versions.slice(keep)) {
        const name = `${pkg.name}/${action.name}@${version.name}`;
        targets.push({ name, package: pkg.name, action: action.name, version: version.name });
      }
    }
  }
  return {
    cloud: "ncf",
    createdAt: new Date().toISOString(),
    mode: "versions",
    criteria: { match: [...options.match], exclude: [...(options.exclude ?? [])], keepVersions: keep },
    listed: packages.length,
    targets,
    skipped: [],
  };
}

export async function applyNcfVersionPrune(
  client: NcfClient,
  plan: NcfVersionPrunePlan,
  options: ApplyPlanOptions<NcfVersionTarget> = {},
): Promise<PruneReport<NcfVersionTarget>> {
  const ncf = v3(client);
  return applyPlan(
    plan,
    async (t): Promise<Done> => {
      const { alreadyGone } = await ncf.deleteActionVersion(t.package, t.action, t.version, {
        missingOk: true,
      });
      return alreadyGone ? "gone" : "deleted";
    },
    async (done) => {
      const left: NcfVersionTarget[] = [];
      for (const key of new Set(done.map((t) => `${t.package}/${t.action}`))) {
        const [pkg = "", action = ""] = key.split("/");
        const names = new Set((await ncf.listActionVersions(pkg, action).catch(() => [])).map((v) => v.name));
        left.push(...done.filter((t) => t.package === pkg && t.action === action && names.has(t.version)));
      }
      return left;
    },
    options,
  );
}
