import type { DeleteResult } from "@fnapi/runtime";
import { checkOptions } from "@fnapi/runtime/internal";
import { isGone } from "../errors.js";
import type { Platform } from "../package-name.js";
import {
  assertActionName,
  assertV3ActionPackage,
  assertV3PackageName,
  assertVersionName,
  type NcfV3Context,
  v3Platform,
} from "./context.js";

// API v3's single deletes: a package (empty), an action (with its versions), an action version. Each resolves
// on any 2xx without reading the body; with `missingOk`, v3's 404 (`PackageNotFound`, `ActionNotFound`,
// `VersionNotFound`, which isGone knows) resolves with `alreadyGone: true`.

export interface DeleteOptionsV3 {
  platform?: Platform | "VPC" | "CLASSIC" | undefined;
  signal?: AbortSignal | undefined;
  missingOk?: boolean | undefined;
}

const OPTIONS = { signal: "signal", missingOk: "boolean" } as const;

type Send = Parameters<NcfV3Context["kit"]["call"]>[1];

async function remove(
  { kit }: NcfV3Context,
  { signal, missingOk = false }: DeleteOptionsV3,
  send: Send,
): Promise<DeleteResult> {
  const { alreadyGone, attempts, requestId } = await kit.call(
    { signal, idempotent: true, result: "none", alreadyGone: missingOk ? isGone : undefined },
    send,
  );
  return { alreadyGone, attempts, requestId };
}

/** `DELETE /packages/{packageName}`: `409 ResourceInUse` while it has actions. */
export async function deletePackageOnceV3(
  context: NcfV3Context,
  packageName: string,
  given?: DeleteOptionsV3,
): Promise<DeleteResult> {
  const options = checkOptions(given, "deletePackage", OPTIONS) as DeleteOptionsV3;
  assertV3PackageName(packageName);
  const platform = v3Platform(options.platform);
  return remove(context, options, (fetch) =>
    context.kit.client.DELETE("/packages/{packageName}", {
      params: { path: { packageName }, query: { platform } },
      parseAs: "stream",
      fetch,
    }),
  );
}

/** `DELETE /packages/{packageName}/actions/{actionName}`: the action and its versions (`default`: no package). */
export async function deleteActionV3(
  context: NcfV3Context,
  packageName: string,
  actionName: string,
  given?: DeleteOptionsV3,
): Promise<DeleteResult> {
  const options = checkOptions(given, "deleteAction", OPTIONS) as DeleteOptionsV3;
  assertV3ActionPackage(packageName);
  assertActionName(actionName);
  const platform = v3Platform(options.platform);
  return remove(context, options, (fetch) =>
    context.kit.client.DELETE("/packages/{packageName}/actions/{actionName}", {
      params: { path: { packageName, actionName }, query: { platform } },
      parseAs: "stream",
      fetch,
    }),
  );
}

/** `DELETE …/versions/{versionName}`: that version only (VPC only). */
export async function deleteActionVersionV3(
  context: NcfV3Context,
  packageName: string,
  actionName: string,
  versionName: string,
  given?: Omit<DeleteOptionsV3, "platform">,
): Promise<DeleteResult> {
  const options = checkOptions(given, "deleteActionVersion", OPTIONS) as DeleteOptionsV3;
  assertV3ActionPackage(packageName);
  assertActionName(actionName);
  assertVersionName(versionName);
  return remove(context, options, (fetch) =>
    context.kit.client.DELETE("/packages/{packageName}/actions/{actionName}/versions/{versionName}", {
      params: { path: { packageName, actionName, versionName }, query: { platform: "VPC" } },
      parseAs: "stream",
      fetch,
    }),
  );
}
