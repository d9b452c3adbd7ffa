import type { NcfContext } from "../context.js";
import { assertPackageName, assertPlatform, type Platform } from "../package-name.js";

export interface DeletePackageOptions {
  /** Default `vpc`, and always sent: v2.0 defaulted to `classic`, so an explicit value is the safe one. */
  platform?: Platform;
  signal?: AbortSignal;
  /** Resolve when the package is already gone (`404`/`80101`): the safe way to delete after a retried 5xx. */
  missingOk?: boolean;
}

/** `DELETE /packages/{packageName}`: resolves on any 2xx (the body is never read). */
export async function deletePackage(
  { kit }: NcfContext,
  packageName: string,
  { platform = "vpc", signal, missingOk = false }: DeletePackageOptions = {},
): Promise<void> {
  assertPackageName(packageName);
  assertPlatform(platform);
  await kit.run(
    "delete",
    "/packages/{packageName}",
    { params: { path: { packageName }, query: { platform } } },
    {
      signal,
      idempotent: true,
      result: "none",
      alreadyGone: missingOk ? (error) => error.status === 404 && error.code === "80101" : undefined,
    },
  );
}
