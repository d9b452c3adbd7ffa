import { type ApiError, checkOptions, ValidationError } from "@fnapi/runtime";
import type { NcfContext } from "../context.js";
import { assertPackageName, assertPlatform, type Platform } from "../package-name.js";
import { removeAction } from "./delete-action.js";
import { listActions } from "./list-actions.js";

export interface DeletePackageOptions {
  /** Default `vpc`, and always sent: v2.0 defaulted to `classic`, so an explicit value is the safe one. */
  platform?: Platform;
  signal?: AbortSignal;
  /** Resolve when the package is already gone (`404`/`80101`): the safe way to delete after a retried 5xx. */
  missingOk?: boolean;
  cascade?: false;
}

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

export type CascadeProgress =
  | { type: "listed"; round: number; actions: string[] }
  | { type: "actionDeleted"; round: number; action: string; alreadyGone: boolean }
  | { type: "packageNotEmpty"; round: number }
  | { type: "packageDeleted"; round: number; alreadyGone: boolean };

/**
 * A cascade delete that failed after it did something (deleted an action, or listed again): what it did
 * before it failed (the actions it deleted, the rounds it took) is in `report`; what failed is `cause` (an `NcfApiError`, a `TimeoutError`, the signal's
 * reason…). Nothing in it is a secret: the cause was redacted before.
 */
export class CascadeDeleteError extends Error {
  override readonly name = "CascadeDeleteError";
  /** The package whose cascade failed. */
  readonly packageName: string;
  /** What was done before the failure (`alreadyGone` is false). */
  readonly report: CascadeReport;
  constructor(packageName: string, report: CascadeReport, cause: unknown) {
    const deleted = report.deletedActions.length;
    super(
      `cascade delete of package ${packageName} failed in round ${report.rounds} after deleting ${deleted} action${deleted === 1 ? "" : "s"}: ${(cause as Error)?.message ?? String(cause)}`,
      { cause },
    );
    this.packageName = packageName;
    this.report = report;
  }
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

/** What a cascade delete did. */
export interface CascadeReport {
  /** The actions this call deleted (or found already gone), in the order they went. */
  deletedActions: string[];
  /** List-and-delete rounds it took. */
  rounds: number;
  /** Whether the package was already gone (with `missingOk`). */
  alreadyGone: boolean;
}

const PACKAGE_GONE = (error: ApiError) => error.status === 404 && error.code === "80101";
const PACKAGE_NOT_EMPTY = (error: unknown) =>
  (error as ApiError | undefined)?.status === 409 && (error as ApiError).code === "80109";

/** `DELETE /packages/{packageName}`: resolves on any 2xx (the body is never read). */
export async function deletePackage(
  context: NcfContext,
  packageName: string,
  given?: DeletePackageOptions | CascadeDeleteOptions,
): Promise<CascadeReport | undefined> {
  const options = checkOptions(given, "deletePackage", {
    signal: "signal",
    missingOk: "boolean",
    cascade: "boolean",
    onProgress: "function",
  }) as DeletePackageOptions | CascadeDeleteOptions;
  const { platform = "vpc", signal, missingOk = false } = options;
  assertPackageName(packageName);
  assertPlatform(platform);
  if (options.cascade === true) return cascade(context, packageName, { ...options, platform });
  await deleteOnly(context, packageName, platform, signal, missingOk);
  return undefined;
}

/** Deletes the package alone; resolves to whether it was already gone. */
async function deleteOnly(
  { kit }: NcfContext,
  packageName: string,
  platform: Platform,
  signal: AbortSignal | undefined,
  missingOk: boolean,
): Promise<boolean> {
  let gone = false;
  await kit.run(
    "delete",
    "/packages/{packageName}",
    { params: { path: { packageName }, query: { platform } } },
    {
      signal,
      idempotent: true,
      result: "none",
      alreadyGone: missingOk ? (error) => (gone = PACKAGE_GONE(error)) : undefined,
    },
  );
  return gone;
}

async function cascade(
  context: NcfContext,
  packageName: string,
  options: CascadeDeleteOptions & { platform: Platform },
): Promise<CascadeReport> {
  const { platform, signal, missingOk = false } = options;
  const concurrency = bounded("concurrency", options.concurrency ?? 4, 32);
  const maxRounds = bounded("maxRounds", options.maxRounds ?? 3, 10);
  const progress = (event: CascadeProgress) => {
    try {
      options.onProgress?.(event);
    } catch {
      // progress reporting must not change what the delete does
    }
  };
  const deletedActions: string[] = [];
  let round = 1;
  try {
    for (; ; round++) {
      let names: string[];
      try {
        // A name listed twice is deleted once: a round's work is bounded by the distinct names listed.
        names = [
          ...new Set(
            (await listActions(context, packageName, { platform, ...(signal ? { signal } : {}) })).map(
              (a) => a.name,
            ),
          ),
        ];
      } catch (error) {
        if (missingOk && PACKAGE_GONE(error as ApiError)) {
          progress({ type: "packageDeleted", round, alreadyGone: true });
          return { deletedActions, rounds: round, alreadyGone: true };
        }
        throw error;
      }
      progress({ type: "listed", round, actions: names });
      await eachWithConcurrency(names, concurrency, async (action) => {
        const alreadyGone = await removeAction(context, packageName, action, {
          platform,
          missingOk: true,
          ...(signal ? { signal } : {}),
        });
        deletedActions.push(action);
        progress({ type: "actionDeleted", round, action, alreadyGone });
      });
      try {
        const alreadyGone = await deleteOnly(context, packageName, platform, signal, missingOk);
        progress({ type: "packageDeleted", round, alreadyGone });
        return { deletedActions, rounds: round, alreadyGone };
      } catch (error) {
        if (!PACKAGE_NOT_EMPTY(error) || round >= maxRounds) throw error;
        progress({ type: "packageNotEmpty", round });
      }
    }
  } catch (error) {
    // Nothing done yet (the first listing failed, or no action went): the error as it is. Otherwise what was
    // done so far goes with the failure, so that the caller (the CLI) can say what is already gone.
    if (deletedActions.length === 0 && round === 1) throw error;
    throw new CascadeDeleteError(
      packageName,
      { deletedActions: [...deletedActions], rounds: round, alreadyGone: false },
      error,
    );
  }
}

function bounded(field: string, value: unknown, max: number): number {
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > max) {
    throw new ValidationError(field, `is ${String(value)}`, `it must be an integer from 1 to ${max}`);
  }
  return value as number;
}

/** Runs `task` over `items`, at most `limit` at once; the first failure stops new tasks and is thrown. */
async function eachWithConcurrency<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
