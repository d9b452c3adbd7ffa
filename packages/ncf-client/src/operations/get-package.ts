import { buildRequest, send } from "@fnapi/runtime";
import { checkOptions, coreOf } from "@fnapi/runtime/internal";
import type { components, paths } from "../generated/ncf.js";
import type { Ncf } from "../ncf.js";
import { assertPackageName, assertPlatform, type Platform } from "../package-name.js";
import { defaultPlatform } from "../zones.js";
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
  ncf: Ncf,
  packageName: string,
  options?: GetPackageOptions,
): Promise<Package> {
  const { platform = defaultPlatform(ncf.zone), signal } = checkOptions(options, "getPackage", {
    signal: "signal",
  });
  assertPackageName(packageName);
  assertPlatform(platform);
  const core = coreOf(ncf);
  const { data } = await send<{ content: Package }>(
    core,
    buildRequest<paths, "/packages/{packageName}", "get">(core, "get", "/packages/{packageName}", {
      path: { packageName },
      query: { platform },
    }),
    { signal, idempotent: true, result: "json", operation: "getPackage", check: checkPackage },
  );
  return data.content;
}
