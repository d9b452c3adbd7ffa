import type { DeleteResult } from "@fnapi/runtime";
import { checkOptions } from "@fnapi/runtime/internal";
import { isGone, NcfApiError } from "../errors.js";
import type { DeletePackageOptions } from "../operations/delete-package.js";
import {
  CascadeDeleteError,
  type CascadeDeleteOptions,
  type CascadeReport,
  cascadeSettings,
  eachWithConcurrency,
} from "../operations/delete-package-cascade.js";
import { assertV3PackageName, v3Platform } from "./context.js";
import { deleteActionV3, deletePackageOnceV3 } from "./delete.js";
import { listActionsV3 } from "./list.js";
import type { NcfV3 } from "./ncf-v3.js";
import { collect } from "./paging.js";

// deletePackage on API v3, with `cascade: true` as on v2.1: a page-number listing shifts while its items are
// deleted, so each round lists the package's actions completely first, then deletes them (each action's
// versions go with it: v3's deleteAction deletes them), then lists again to confirm the package is empty
// before deleting it. A `409 ResourceInUse` (an action created meanwhile) starts another round, up to
// `maxRounds`; it is never retried blindly.

const RESOURCE_IN_USE = (error: unknown) =>
  error instanceof NcfApiError && error.status === 409 && error.code === "ResourceInUse";

/**
 * `DELETE /packages/{packageName}` on API v3; with `cascade: true` its actions (and their versions) first,
 * listing completely before deleting and again to confirm, and the report of what went.
 */
export async function deletePackageV3(
  ncf: NcfV3,
  packageName: string,
  given?: DeletePackageOptions | CascadeDeleteOptions,
): Promise<DeleteResult | CascadeReport> {
  const options = checkOptions(given, "deletePackage", {
    signal: "signal",
    missingOk: "boolean",
    cascade: "boolean",
    onProgress: "function",
  }) as DeletePackageOptions | CascadeDeleteOptions;
  assertV3PackageName(packageName);
  v3Platform(options.platform);
  if (options.cascade !== true) {
    const { platform, signal, missingOk } = options;
    return deletePackageOnceV3(ncf, packageName, { platform, signal, missingOk });
  }
  return cascade(ncf, packageName, options);
}

async function cascade(
  ncf: NcfV3,
  packageName: string,
  options: CascadeDeleteOptions,
): Promise<CascadeReport> {
  const { platform, signal, missingOk = false } = options;
  const { concurrency, maxRounds, progress } = cascadeSettings(options);
  const names = async () => [
    ...new Set((await collect(listActionsV3(ncf, packageName, { platform, signal }))).map((a) => a.name)),
  ];
  const deletedActions: string[] = [];
  let round = 1;
  try {
    for (; ; round++) {
      let listed: string[];
      try {
        listed = await names();
      } catch (error) {
        if (!(missingOk && isGone(error))) throw error;
        progress({ type: "packageDeleted", round, alreadyGone: true });
        const { attempts, requestId } = error;
        return { deletedActions, rounds: round, alreadyGone: true, attempts, requestId };
      }
      progress({ type: "listed", round, actions: listed });
      await eachWithConcurrency(listed, concurrency, async (action) => {
        const opts = { platform, missingOk: true, ...(signal ? { signal } : {}) };
        const { alreadyGone } = await deleteActionV3(ncf, packageName, action, opts);
        deletedActions.push(action);
        progress({ type: "actionDeleted", round, action, alreadyGone });
      });
      // Confirm: the listing again, complete; anything left (created meanwhile) is another round.
      if (listed.length > 0 && (await names()).length > 0) {
        if (round >= maxRounds)
          throw new CascadeDeleteError(packageName, { deletedActions, rounds: round }, "actions remain");
        progress({ type: "packageNotEmpty", round });
        continue;
      }
      try {
        const result = await deletePackageOnceV3(ncf, packageName, { platform, signal, missingOk });
        progress({ type: "packageDeleted", round, alreadyGone: result.alreadyGone });
        return { ...result, deletedActions, rounds: round };
      } catch (error) {
        if (!RESOURCE_IN_USE(error) || round >= maxRounds) throw error;
        progress({ type: "packageNotEmpty", round });
      }
    }
  } catch (error) {
    if (error instanceof CascadeDeleteError || (deletedActions.length === 0 && round === 1)) throw error;
    throw new CascadeDeleteError(packageName, { deletedActions: [...deletedActions], rounds: round }, error);
  }
}
