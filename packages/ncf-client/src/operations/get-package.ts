import { checkOptions } from "@fnapi/runtime/internal";
import type { NcfContext } from "../context.js";
import type { components } from "../generated/ncf.js";
import { assertPackageName, assertPlatform, type Platform } from "../package-name.js";
import { checkPackage } from "./response-guards.js";

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
  options?: GetPackageOptions,
): Promise<Package> {
  const { platform = "vpc", signal } = checkOptions(options, "getPackage", { signal: "signal" });
  assertPackageName(packageName);
  assertPlatform(platform);
  const { data } = await kit.call<{ content: Package }>(
    { signal, idempotent: true, result: "json", operation: "getPackage", check: checkPackage },
    (fetch) =>
      kit.client.GET("/packages/{packageName}", {
        params: { path: { packageName }, query: { platform } },
        parseAs: "stream",
        fetch,
      }),
  );
  return data.content;
}
