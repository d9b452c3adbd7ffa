import { boundedList, checkOptions } from "@fnapi/runtime/internal";
import type { NcfContext } from "../context.js";
import type { components } from "../generated/ncf.js";
import { assertPlatform, type Platform } from "../package-name.js";
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
export async function listPackages(
  { kit }: NcfContext,
  options?: ListPackagesOptions,
): Promise<PackageSummary[]> {
  const { platform = "vpc", signal } = checkOptions(options, "listPackages", { signal: "signal" });
  assertPlatform(platform);
  const { data } = await kit.call<{ content: PackageSummary[] }>(
    { signal, idempotent: true, result: "json", operation: "listPackages", check: checkPackageList },
    (fetch) =>
      kit.client.GET("/packages", {
        params: { query: { platform } },
        parseAs: "stream",
        fetch,
      }),
  );
  return [...boundedList("listPackages", data.content)];
}
