import { buildRequest, type DeleteResult, type OutgoingRequest, send } from "@fnapi/runtime";
import { checkOptions, coreOf } from "@fnapi/runtime/internal";
import { isGone } from "../errors.js";
import type { paths } from "../generated/ncf-v3.js";
import type { Platform } from "../package-name.js";
import {
  assertActionName,
  assertV3ActionPackage,
  assertV3PackageName,
  assertVersionName,
  v3Platform,
} from "./context.js";
import type { NcfV3 } from "./ncf-v3.js";

// API v3's single deletes: a package (empty), an action (with its versions), an action version. Each resolves
// on any 2xx without reading the body; with `missingOk`, v3's 404 (`PackageNotFound`, `ActionNotFound`,
// `VersionNotFound`, which isGone knows) resolves with `alreadyGone: true`.

/** Options of the v3 deletes. */
export interface DeleteOptionsV3 {
  /** `vpc` (default) or `classic`, sent as v3's `VPC`/`CLASSIC`. */
  platform?: Platform | "VPC" | "CLASSIC" | undefined;
  /** Aborts the call, retries and backoff included. */
  signal?: AbortSignal | undefined;
  /** Resolve (with `alreadyGone: true`) on v3's 404 (`PackageNotFound`, `ActionNotFound`, `VersionNotFound`). */
  missingOk?: boolean | undefined;
}

const OPTIONS = { signal: "signal", missingOk: "boolean" } as const;

async function remove(
  ncf: NcfV3,
  { signal, missingOk = false }: DeleteOptionsV3,
  request: (target: { readonly baseUrl: string }) => OutgoingRequest,
): Promise<DeleteResult> {
  const core = coreOf(ncf);
  const { alreadyGone, attempts, requestId } = await send(core, request(core), {
    signal,
    idempotent: true,
    result: "none",
    alreadyGone: missingOk ? isGone : undefined,
  });
  return { alreadyGone, attempts, requestId };
}

/** `DELETE /packages/{packageName}`: `409 ResourceInUse` while it has actions. */
export async function deletePackageOnceV3(
  ncf: NcfV3,
  packageName: string,
  given?: DeleteOptionsV3,
): Promise<DeleteResult> {
  const options = checkOptions(given, "deletePackage", OPTIONS) as DeleteOptionsV3;
  assertV3PackageName(packageName);
  const platform = v3Platform(options.platform);
  return remove(ncf, options, (core) =>
    buildRequest<paths, "/packages/{packageName}", "delete">(core, "delete", "/packages/{packageName}", {
      path: { packageName },
      query: { platform },
    }),
  );
}

/** `DELETE /packages/{packageName}/actions/{actionName}`: the action and its versions (`default`: no package). */
export async function deleteActionV3(
  ncf: NcfV3,
  packageName: string,
  actionName: string,
  given?: DeleteOptionsV3,
): Promise<DeleteResult> {
  const options = checkOptions(given, "deleteAction", OPTIONS) as DeleteOptionsV3;
  assertV3ActionPackage(packageName);
  assertActionName(actionName);
  const platform = v3Platform(options.platform);
  return remove(ncf, options, (core) =>
    buildRequest<paths, "/packages/{packageName}/actions/{actionName}", "delete">(
      core,
      "delete",
      "/packages/{packageName}/actions/{actionName}",
      { path: { packageName, actionName }, query: { platform } },
    ),
  );
}

/** `DELETE …/versions/{versionName}`: that version only (VPC only). */
export async function deleteActionVersionV3(
  ncf: NcfV3,
  packageName: string,
  actionName: string,
  versionName: string,
  given?: Omit<DeleteOptionsV3, "platform">,
): Promise<DeleteResult> {
  const options = checkOptions(given, "deleteActionVersion", OPTIONS) as DeleteOptionsV3;
  assertV3ActionPackage(packageName);
  assertActionName(actionName);
  assertVersionName(versionName);
  return remove(ncf, options, (core) =>
    buildRequest<paths, "/packages/{packageName}/actions/{actionName}/versions/{versionName}", "delete">(
      core,
      "delete",
      "/packages/{packageName}/actions/{actionName}/versions/{versionName}",
      { path: { packageName, actionName, versionName }, query: { platform: "VPC" } },
    ),
  );
}
