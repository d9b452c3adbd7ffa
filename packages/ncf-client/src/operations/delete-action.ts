import type { ApiError, DeleteResult } from "@fnapi/runtime";
import type { NcfContext } from "../context.js";
import { isGone } from "../errors.js";
import { assertActionName, assertActionPackageName, assertPlatform, type Platform } from "../package-name.js";

/** Options of `deleteAction`. */
export interface DeleteActionOptions {
  /** Default `vpc`, and always sent. */
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
  { kit }: NcfContext,
  packageName: string,
  actionName: string,
  { platform = "vpc", signal, missingOk = false }: DeleteActionOptions = {},
): Promise<DeleteResult> {
  assertActionPackageName(packageName);
  assertActionName(actionName);
  assertPlatform(platform);
  const { alreadyGone, attempts, requestId } = await kit.call(
    {
      signal,
      idempotent: true,
      result: "none",
      retryable: isTransientActionError,
      alreadyGone: missingOk ? isGone : undefined,
    },
    (fetch) =>
      kit.client.DELETE("/packages/{packageName}/actions/{actionName}", {
        params: { path: { packageName, actionName }, query: { platform } },
        parseAs: "stream",
        fetch,
      }),
  );
  return { alreadyGone, attempts, requestId };
}
