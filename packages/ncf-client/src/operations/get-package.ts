import type { NcfContext } from "../context.js";
import type { components } from "../generated/ncf.js";
import { assertPackageName, assertPlatform, type Platform } from "../package-name.js";

/** A package, as `getPackage` returns it (specs/ncf.yaml, components.schemas.Package). */
export type Package = components["schemas"]["Package"];

/** Options of `getPackage`. */
export interface GetPackageOptions {
  /** Default `vpc`, and always sent (v2.0 defaulted to `classic`). */
  platform?: Platform;
  /** Aborts the call, retries and backoff included. */
  signal?: AbortSignal;
}

/** `GET /packages/{packageName}`: the package (`content`), with its actions' names or summaries. */
export async function getPackage(
  { kit }: NcfContext,
  packageName: string,
  { platform = "vpc", signal }: GetPackageOptions = {},
): Promise<Package> {
  assertPackageName(packageName);
  assertPlatform(platform);
  const { data } = await kit.call<{ content: Package }>(
    { signal, idempotent: true, result: "json" },
    (fetch) =>
      kit.client.GET("/packages/{packageName}", {
        params: { path: { packageName }, query: { platform } },
        parseAs: "stream",
        fetch,
      }),
  );
  return data.content;
}
