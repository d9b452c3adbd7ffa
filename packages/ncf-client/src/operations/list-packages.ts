import { buildRequest, send } from "@fnapi/runtime";
import { boundedList, checkOptions, coreOf } from "@fnapi/runtime/internal";
import type { components, paths } from "../generated/ncf.js";
import type { Ncf } from "../ncf.js";
import { assertPlatform, type Platform } from "../package-name.js";
import { defaultPlatform } from "../zones.js";
import { checkPackageList } from "./list-guards.js";

/** A package as `listPackages` returns it (specs/ncf.yaml, components.schemas.PackageSummary). */
export type PackageSummary = components["schemas"]["PackageSummary"];

/** Options of `listPackages`. */
export interface ListPackagesOptions {
  /** Default `vpc`, and always sent (never in the financial and government zones). */
  platform?: Platform;
  /** Aborts the call, retries and backoff included. */
  signal?: AbortSignal;
}

/** `GET /packages`: every package of the platform (the API does not page it). */
export async function listPackages(ncf: Ncf, options?: ListPackagesOptions): Promise<PackageSummary[]> {
  const { platform = defaultPlatform(ncf.zone), signal } = checkOptions(options, "listPackages", {
    signal: "signal",
  });
  assertPlatform(platform);
  const core = coreOf(ncf);
  const { data } = await send<{ content: PackageSummary[] }>(
    core,
    buildRequest<paths, "/packages", "get">(core, "get", "/packages", { query: { platform } }),
    { signal, idempotent: true, result: "json", operation: "listPackages", check: checkPackageList },
  );
  return [...boundedList("listPackages", data.content)];
}
