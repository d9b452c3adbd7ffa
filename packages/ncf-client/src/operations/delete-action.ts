import { type ApiError, buildRequest, type DeleteResult } from "@fnapi/runtime";
import { checkOptions, coreOf, sendWith } from "@fnapi/runtime/internal";
import { isGone } from "../errors.js";
import type { paths } from "../generated/ncf.js";
import type { Ncf } from "../ncf.js";
import { assertActionName, assertActionPackageName, assertPlatform, type Platform } from "../package-name.js";
import { defaultPlatform } from "../zones.js";

/** Options of `deleteAction`. */
export interface DeleteActionOptions {
  /** Default `vpc` (the zone's own in the financial and government zones, where it is never sent). */
  platform?: Platform;
  /** Aborts the call, retries and backoff included. */
  signal?: AbortSignal;
  /** Resolve (with `alreadyGone: true`) when the action is already gone (`404`/`80301`). */
  missingOk?: boolean;
}

/** 500 codes of Delete Action: the subnet (NAT) states. 81313/81314 pass; 81311/81312 are failures. */
const TRANSIENT = new Set(["81313", "81314"]);
const PERMANENT = new Set(["81311", "81312"]);

/** Whether a Delete Action error is worth another attempt (`undefined`: the status decides). */
export function isTransientActionError(error: ApiError): boolean | undefined {
  if (error.code && TRANSIENT.has(error.code)) return true;
  if (error.code && PERMANENT.has(error.code)) return false;
  return undefined;
}

/** `DELETE /packages/{packageName}/actions/{actionName}`: resolves on any 2xx (the body is never read). */
export async function deleteAction(
  ncf: Ncf,
  packageName: string,
  actionName: string,
  options?: DeleteActionOptions,
): Promise<DeleteResult> {
  const {
    platform = defaultPlatform(ncf.zone),
    signal,
    missingOk = false,
  } = checkOptions(options, "deleteAction", { signal: "signal", missingOk: "boolean" });
  assertActionPackageName(packageName);
  assertActionName(actionName);
  assertPlatform(platform);
  const core = coreOf(ncf);
  const { alreadyGone, attempts, requestId } = await sendWith(
    core,
    buildRequest<paths, "/packages/{packageName}/actions/{actionName}", "delete">(
      core,
      "delete",
      "/packages/{packageName}/actions/{actionName}",
      { path: { packageName, actionName }, query: { platform } },
    ),
    {
      signal,
      idempotent: true,
      result: "none",
      retryable: isTransientActionError,
      alreadyGone: missingOk ? isGone : undefined,
    },
  );
  return { alreadyGone, attempts, requestId };
}
