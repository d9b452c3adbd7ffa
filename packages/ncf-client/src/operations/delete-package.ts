import { buildRequest, type DeleteResult } from "@fnapi/runtime";
import { checkOptions, coreOf, sendWith } from "@fnapi/runtime/internal";
import { isGone } from "../errors.js";
import type { paths } from "../generated/ncf.js";
import type { Ncf } from "../ncf.js";
import { assertPackageName, assertPlatform, type Platform } from "../package-name.js";
import { defaultPlatform } from "../zones.js";

/** Options of `deletePackage` without cascade. */
export interface DeletePackageOptions {
  /**
   * Default `vpc`, and always sent: v2.0 defaulted to `classic`, so an explicit value is the safe one. (In the
   * financial and government zones the zone's own, never sent.)
   */
  platform?: Platform;
  /** Aborts the call, retries and backoff included. */
  signal?: AbortSignal;
  /**
   * Resolve (with `alreadyGone: true`) when the package is already gone (`404`/`80101`): the safe way to
   * delete after a retried 5xx.
   */
  missingOk?: boolean;
  /** `true` deletes the actions first (`CascadeDeleteOptions`; standalone: `deletePackageCascade`). */
  cascade?: false;
}

/** `DELETE /packages/{packageName}`: resolves on any 2xx (the body is never read). */
export async function deletePackage(
  ncf: Ncf,
  packageName: string,
  options?: DeletePackageOptions,
): Promise<DeleteResult> {
  const {
    platform = defaultPlatform(ncf.zone),
    signal,
    missingOk = false,
  } = checkOptions(options, "deletePackage", { signal: "signal", missingOk: "boolean", cascade: "boolean" });
  assertPackageName(packageName);
  assertPlatform(platform);
  return deletePackageOnce(ncf, packageName, platform, signal, missingOk);
}

/** The one DELETE of a package, its options already checked. */
export async function deletePackageOnce(
  ncf: Ncf,
  packageName: string,
  platform: Platform,
  signal: AbortSignal | undefined,
  missingOk: boolean,
): Promise<DeleteResult> {
  const core = coreOf(ncf);
  const { alreadyGone, attempts, requestId } = await sendWith(
    core,
    buildRequest<paths, "/packages/{packageName}", "delete">(core, "delete", "/packages/{packageName}", {
      path: { packageName },
      query: { platform },
    }),
    { signal, idempotent: true, result: "none", alreadyGone: missingOk ? isGone : undefined },
  );
  return { alreadyGone, attempts, requestId };
}
