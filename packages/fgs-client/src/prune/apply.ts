import { isGone, ValidationError } from "@fnapi/fgs-client";
import {
  type ApplyPlanOptions,
  applyPlan,
  type PruneReport,
  parseAge,
  type Removal,
} from "@fnapi/runtime/internal";
import type { FgsPruneClient } from "./client.js";
import type { FgsPrunePlan, FgsPruneTarget } from "./plan.js";
import { assertClient, checkTarget } from "./target.js";

// FunctionGraph prune, the apply step: each target checked again right before its delete (the aliases of a
// version, the last change of a function when the plan had an age), then deleted on the client's send path
// (its retry strategy retries 429s and 5xx), then the listing asked whether they are gone.

/** Options of `applyFgsPrune`. */
export type ApplyOptions = ApplyPlanOptions<FgsPruneTarget>;

/** The plan, checked as data: made by planFgsPrune (and maybe stored as JSON). */
function checkPlan(plan: unknown): FgsPrunePlan {
  const p = plan as FgsPrunePlan;
  if (
    typeof p !== "object" ||
    p === null ||
    p.cloud !== "fgs" ||
    !Array.isArray(p.targets) ||
    !Array.isArray(p.skipped) ||
    Number.isNaN(Date.parse(p.createdAt))
  ) {
    throw new ValidationError("plan", "is not a FunctionGraph prune plan", "give what planFgsPrune returned");
  }
  for (const target of p.targets) checkTarget(target);
  return p;
}

/** What still protects `target` now, or undefined: an alias on the version, a change after the plan's cutoff. */
async function protection(
  fgs: FgsPruneClient,
  plan: FgsPrunePlan,
  target: FgsPruneTarget,
): Promise<string | undefined> {
  if (target.kind === "version") {
    const fn = target.urn.split(":").slice(0, 7).join(":");
    for (const alias of await fgs.listAliases(fn)) {
      if (alias.version === target.version || Object.hasOwn(alias.additionalVersions, target.version ?? "")) {
        return `alias ${alias.name.slice(0, 80)} points to it now`;
      }
    }
    return undefined;
  }
  const age = parseAge("plan.criteria.olderThan", plan.criteria.olderThan);
  if (age === undefined) return undefined;
  const latest = (await fgs.listVersions(target.urn)).find((v) => v.version === "latest");
  if (!latest?.lastModified) return "its last change is not known now";
  const cutoff = Date.parse(plan.createdAt) - age;
  return latest.lastModified.getTime() > cutoff ? "it was changed after the plan's cutoff" : undefined;
}

/** Deletes the plan's targets (each once), confirms, and reports what was done, whatever fails. */
export async function applyFgsPrune(
  fgs: FgsPruneClient,
  plan: FgsPrunePlan,
  options?: ApplyOptions,
): Promise<PruneReport<FgsPruneTarget>> {
  assertClient(fgs, "applyFgsPrune");
  const checked = checkPlan(plan);
  return applyPlan(
    "applyFgsPrune",
    checked,
    {
      key: (t) => t.urn,
      async remove(target): Promise<Removal> {
        try {
          const reason = await protection(fgs, checked, target);
          if (reason !== undefined) return { skip: reason };
        } catch (error) {
          if (isGone(error)) return { status: "gone", attempts: 1 };
          throw error;
        }
        // Already gone (404 FSS.1051/1052, the client's isGone) counts as done: a resumed run finishes the job.
        const { alreadyGone, attempts } = await fgs.deleteFunction(target.urn, { missingOk: true });
        return { status: alreadyGone ? "gone" : "deleted", attempts };
      },
      stillThere: (done, signal) => stillThere(fgs, checked, done, signal),
    },
    options,
  );
}

/** The done targets that the listing still shows; a failing listing throws (the run is then unconfirmed). */
async function stillThere(
  fgs: FgsPruneClient,
  plan: FgsPrunePlan,
  done: FgsPruneTarget[],
  signal: AbortSignal | undefined,
): Promise<FgsPruneTarget[]> {
  const options = signal ? { signal } : {};
  if (plan.mode === "functions") {
    const wanted = new Map(done.map((t) => [t.urn, t]));
    const found: FgsPruneTarget[] = [];
    const packageName = plan.criteria.packageName;
    for await (const fn of fgs.listFunctions({ ...options, ...(packageName ? { packageName } : {}) })) {
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
    let versions: Set<string>;
    try {
      versions = new Set((await fgs.listVersions(fn, options)).map((v) => v.version));
    } catch (error) {
      if (!isGone(error)) throw error; // a 503 is not "gone": the report says unconfirmed
      versions = new Set(); // the function itself is gone: so are its versions
    }
    found.push(...targets.filter((t) => versions.has(t.version ?? "")));
  }
  return found;
}
