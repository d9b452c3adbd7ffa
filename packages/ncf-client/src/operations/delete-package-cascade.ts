import { type DeleteResult, ValidationError } from "@fnapi/runtime";
import { checkOptions, runPool } from "@fnapi/runtime/internal";
import { isGone, NcfApiError } from "../errors.js";
import type { Ncf } from "../ncf.js";
import { assertPackageName, assertPlatform, type Platform } from "../package-name.js";
import { defaultPlatform } from "../zones.js";
import { deleteAction } from "./delete-action.js";
import { type DeletePackageOptions, deletePackageOnce } from "./delete-package.js";
import { listActions } from "./list-actions.js";

/** Options of `deletePackage` with `cascade: true`. */
export interface CascadeDeleteOptions extends Omit<DeletePackageOptions, "cascade"> {
  /**
   * Delete the package's actions first, then the package. A package with actions answers 409 80109
   * PACKAGE_NOT_EMPTY; this lists them, deletes them, deletes the package, and on another 409 (an action
   * created meanwhile) lists again, up to `maxRounds`. A 409 is never retried blindly.
   */
  cascade: true;
  /** Actions deleted at once. Default 4, at most 32. */
  concurrency?: number;
  /** List-and-delete rounds before the 409 is thrown. Default 3, at most 10. */
  maxRounds?: number;
  /** Told of each step; an exception it throws is ignored. */
  onProgress?: (event: CascadeProgress) => void;
}

/** A step of a cascade delete, as `onProgress` is told of it. */
export type CascadeProgress =
  | { type: "listed"; round: number; actions: string[] }
  | { type: "actionDeleted"; round: number; action: string; alreadyGone: boolean }
  | { type: "packageNotEmpty"; round: number }
  | { type: "packageDeleted"; round: number; alreadyGone: boolean };

/** What a cascade delete did before it failed. */
export interface CascadePartialReport {
  /** The actions this call deleted (or found already gone), in the order they went. */
  deletedActions: string[];
  /** The round it failed in. */
  rounds: number;
}

/**
 * A cascade delete that failed after it did something (deleted an action, or listed again): what it did
 * before it failed is in `report`; what failed is `cause` (an `NcfApiError`, a `TimeoutError`, the signal's
 * reason…). Nothing in it is a secret: the cause was redacted before.
 */
export class CascadeDeleteError extends Error {
  /** Always `CascadeDeleteError`. */
  override readonly name = "CascadeDeleteError";
  /** The package whose cascade failed. */
  readonly packageName: string;
  /** What was done before the failure. */
  readonly report: CascadePartialReport;
  constructor(packageName: string, report: CascadePartialReport, cause: unknown) {
    const deleted = report.deletedActions.length;
    super(
      `cascade delete of package ${packageName} failed in round ${report.rounds} after deleting ${deleted} action${deleted === 1 ? "" : "s"}: ${(cause as Error)?.message ?? String(cause)}`,
      { cause },
    );
    this.packageName = packageName;
    this.report = report;
  }
  /** Plain data for `JSON.stringify`: the message, the package, the partial report and the cause. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      packageName: this.packageName,
      report: this.report,
      cause: this.cause,
    };
  }
}

/** What a cascade delete did: the package's `DeleteResult`, and the actions it deleted on the way. */
export interface CascadeReport extends DeleteResult {
  /** The actions this call deleted (or found already gone), in the order they went. */
  deletedActions: string[];
  /** List-and-delete rounds it took. */
  rounds: number;
}

const PACKAGE_NOT_EMPTY = (error: unknown) =>
  error instanceof NcfApiError && error.status === 409 && error.code === "80109";

/**
 * Deletes a package's actions, then the package, and reports what it deleted (`cascade: true` of the
 * method-style `deletePackage`).
 */
export async function deletePackageCascade(
  ncf: Ncf,
  packageName: string,
  given: Omit<CascadeDeleteOptions, "cascade"> & { cascade?: true },
): Promise<CascadeReport> {
  const options = checkOptions(given, "deletePackage", {
    signal: "signal",
    missingOk: "boolean",
    cascade: "boolean",
    onProgress: "function",
  });
  const platform = options.platform ?? defaultPlatform(ncf.zone);
  assertPackageName(packageName);
  assertPlatform(platform);
  return cascade(ncf, packageName, { ...options, cascade: true, platform });
}

async function cascade(
  ncf: Ncf,
  packageName: string,
  options: CascadeDeleteOptions & { platform: Platform },
): Promise<CascadeReport> {
  const { platform, signal, missingOk = false } = options;
  const { concurrency, maxRounds, progress } = cascadeSettings(options);
  const deletedActions: string[] = [];
  let round = 1;
  try {
    for (; ; round++) {
      let names: string[];
      try {
        // A name listed twice is deleted once: a round's work is bounded by the distinct names listed.
        names = [
          ...new Set(
            (await listActions(ncf, packageName, { platform, ...(signal ? { signal } : {}) })).map(
              (a) => a.name,
            ),
          ),
        ];
      } catch (error) {
        if (missingOk && isGone(error)) {
          progress({ type: "packageDeleted", round, alreadyGone: true });
          const { attempts, requestId } = error;
          return { deletedActions, rounds: round, alreadyGone: true, attempts, requestId };
        }
        throw error;
      }
      progress({ type: "listed", round, actions: names });
      await eachWithConcurrency(names, concurrency, async (action) => {
        const { alreadyGone } = await deleteAction(ncf, packageName, action, {
          platform,
          missingOk: true,
          ...(signal ? { signal } : {}),
        });
        deletedActions.push(action);
        progress({ type: "actionDeleted", round, action, alreadyGone });
      });
      try {
        const result = await deletePackageOnce(ncf, packageName, platform, signal, missingOk);
        progress({ type: "packageDeleted", round, alreadyGone: result.alreadyGone });
        return { ...result, deletedActions, rounds: round };
      } catch (error) {
        if (!PACKAGE_NOT_EMPTY(error) || round >= maxRounds) throw error;
        progress({ type: "packageNotEmpty", round });
      }
    }
  } catch (error) {
    // Nothing done yet (the first listing failed, or no action went): the error as it is. Otherwise what was
    // done so far goes with the failure, so that the caller (the CLI) can say what is already gone.
    if (deletedActions.length === 0 && round === 1) throw error;
    throw new CascadeDeleteError(packageName, { deletedActions: [...deletedActions], rounds: round }, error);
  }
}

/** A cascade's bounds and its progress callback, checked once for both APIs' cascades. */
export function cascadeSettings(
  options: Pick<CascadeDeleteOptions, "concurrency" | "maxRounds" | "onProgress">,
) {
  return {
    concurrency: bounded("concurrency", options.concurrency ?? 4, 32),
    maxRounds: bounded("maxRounds", options.maxRounds ?? 3, 10),
    /** Tells the caller's callback; whatever it throws does not change what the delete does. */
    progress: (event: CascadeProgress) => {
      try {
        options.onProgress?.(event);
      } catch {
        // progress reporting must not change what the delete does
      }
    },
  };
}

/** `value` as an integer from 1 to `max`, else a ValidationError naming `field`. */
export function bounded(field: string, value: unknown, max: number): number {
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > max) {
    throw new ValidationError(field, `is ${String(value)}`, `it must be an integer from 1 to ${max}`);
  }
  return value as number;
}

/** Runs `task` over `items`, at most `limit` at once (the one worker pool); the first failure is thrown. */
export async function eachWithConcurrency<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
) {
  const controller = new AbortController();
  const outcomes = await runPool(items, { concurrency: limit, signal: controller.signal }, async (item) => {
    try {
      await task(item);
    } catch (error) {
      controller.abort();
      throw error;
    }
  });
  const failed = outcomes.find((outcome) => outcome.status === "rejected");
  if (failed) throw failed.reason;
}
