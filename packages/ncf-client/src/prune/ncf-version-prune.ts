import { ValidationError } from "@fnapi/ncf-client";
import {
  type ApplyPlanOptions,
  applyPlan,
  checkCount,
  checkSignal,
  nameFilter,
  type PruneReport,
  pruneOptions,
} from "@fnapi/runtime/internal";

// NCF prune of action versions (API v3 only; record 0016): for each action of each package whose name
// matches, the versions beyond the newest N. Everything is listed completely first (page-number listings shift
// while things are deleted), then deleted, then listed again to confirm. v3 documents no "in use" state for a
// version (no alias points to one), so none is skipped for that; the newest N are always kept.

/** The v3 operations a version prune calls: `createNcfClient({ api: "v3", … })` gives them (structural). */
export interface NcfVersionPruneClient {
  /** The API the client speaks: `v3`. */
  readonly api: string;
  /** Every package, every page. */
  listPackages(options?: { signal?: AbortSignal }): Promise<{ name: string }[]>;
  /** Every action of a package, every page. */
  listActions(
    packageName: string,
    options?: { signal?: AbortSignal },
  ): Promise<{ name: string; type?: unknown }[]>;
  /** An action's versions, newest first, every page. */
  listActionVersions(
    packageName: string,
    actionName: string,
    options?: { signal?: AbortSignal },
  ): Promise<{ name: string }[]>;
  /** Deletes one version (`missingOk`: already gone counts as done). */
  deleteActionVersion(
    packageName: string,
    actionName: string,
    versionName: string,
    options?: { missingOk?: boolean },
  ): Promise<{ alreadyGone: boolean; attempts: number }>;
}

/** Options of `planNcfVersionPrune`. */
export interface NcfVersionPruneOptions {
  /** Package name globs; the versions of every action of a matching package are planned. Required. */
  match: string[];
  /** Package name globs to keep even when they match. */
  exclude?: string[];
  /** Versions kept per action, newest first (0 to 10: v3 keeps at most 10). */
  keepVersions: number;
  /** Stops the listing (and the plan). */
  signal?: AbortSignal;
}

/** An action version a plan deletes. */
export interface NcfVersionTarget {
  /** `package/action@version`. */
  name: string;
  /** The package (v3's `default`: none). */
  package: string;
  /** The action. */
  action: string;
  /** The version to delete. */
  version: string;
}

/** What `applyNcfVersionPrune` deletes. Plain data. */
export interface NcfVersionPrunePlan {
  /** Always `ncf`. */
  cloud: "ncf";
  /** When the plan was made. */
  createdAt: string;
  /** Always `versions`: a plan of action versions, not packages. */
  mode: "versions";
  /** The criteria, as checked. */
  criteria: { match: string[]; exclude: string[]; keepVersions: number };
  /** Packages listed. */
  listed: number;
  /** What to delete: each version once. */
  targets: NcfVersionTarget[];
  /** Nothing is skipped: v3 documents no version in use. */
  skipped: [];
}

/** Any NCF client: one on API v2.1 is refused (`--api v3`) before anything is sent. */
export type NcfAnyClient = NcfVersionPruneClient | { readonly api: string };

function v3(client: NcfAnyClient): NcfVersionPruneClient {
  const ncf = client as NcfVersionPruneClient;
  if (typeof ncf === "object" && ncf !== null && ncf.api === "v2.1")
    throw new ValidationError(
      "keepVersions",
      "needs API v3",
      "action versions exist in API v3 only: use --api v3",
    );
  if (typeof ncf !== "object" || ncf === null || typeof ncf.deleteActionVersion !== "function")
    throw new ValidationError("ncf", "is not an NCF client on API v3", 'give createNcfClient({ api: "v3" })');
  return ncf;
}

/** Lists every package, action and version completely, and plans the versions beyond the newest N. */
export async function planNcfVersionPrune(
  client: NcfAnyClient,
  given: NcfVersionPruneOptions,
): Promise<NcfVersionPrunePlan> {
  const ncf = v3(client);
  const options = pruneOptions(given, "planNcfVersionPrune", false);
  const filter = nameFilter(options.match, options.exclude);
  const keep = checkCount("keepVersions", options.keepVersions, 0, 10, 0);
  const signal = checkSignal("signal", options.signal);
  const s = signal ? { signal } : {};
  const packages = await ncf.listPackages(s);
  const targets: NcfVersionTarget[] = [];
  for (const pkg of packages.filter((p) => filter.matches(p.name))) {
    for (const action of await ncf.listActions(pkg.name, s)) {
      if (action.type?.toString().startsWith("sequence")) continue; // sequences have no versions
      const versions = await ncf.listActionVersions(pkg.name, action.name, s);
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
    criteria: {
      match: [...(options.match as string[])],
      exclude: [...((options.exclude as string[] | undefined) ?? [])],
      keepVersions: keep,
    },
    listed: packages.length,
    targets,
    skipped: [],
  };
}

/** Deletes each planned version (each once), lists the actions' versions again to confirm, and reports. */
export async function applyNcfVersionPrune(
  client: NcfAnyClient,
  plan: NcfVersionPrunePlan,
  options?: ApplyPlanOptions<NcfVersionTarget>,
): Promise<PruneReport<NcfVersionTarget>> {
  const ncf = v3(client);
  return applyPlan(
    "applyNcfVersionPrune",
    plan,
    {
      key: (t) => t.name,
      async remove(t) {
        const { alreadyGone, attempts } = await ncf.deleteActionVersion(t.package, t.action, t.version, {
          missingOk: true,
        });
        return { status: alreadyGone ? "gone" : "deleted", attempts };
      },
      async stillThere(done, signal) {
        const left: NcfVersionTarget[] = [];
        for (const key of new Set(done.map((t) => `${t.package}/${t.action}`))) {
          const [pkg = "", action = ""] = key.split("/");
          const listed = await ncf.listActionVersions(pkg, action, signal ? { signal } : {});
          const names = new Set(listed.map((v) => v.name));
          left.push(...done.filter((t) => t.package === pkg && t.action === action && names.has(t.version)));
        }
        return left;
      },
    },
    options,
  );
}
