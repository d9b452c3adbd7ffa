import { checkOptions } from "@fnapi/runtime";
import type { NcfContext } from "../context.js";
import type { components } from "../generated/ncf.js";
import { assertPackageName, assertPlatform, type Platform } from "../package-name.js";
import { checkPackage } from "./response-guards.js";

export type Package = components["schemas"]["Package"];

export interface GetPackageOptions {
  /** Default `vpc`, and always sent (v2.0 defaulted to `classic`). */
  platform?: Platform;
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
  const body = await kit.run(
    "get",
    "/packages/{packageName}",
    { params: { path: { packageName }, query: { platform } } },
    { signal, idempotent: true, result: "json", operation: "getPackage", check: checkPackage },
  );
  return body.content;
}
