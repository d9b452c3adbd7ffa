import type { NcfContext } from "../context.js";
import type { components } from "../generated/ncf.js";
import { assertPlatform, type Platform } from "../package-name.js";

export type PackageSummary = components["schemas"]["PackageSummary"];

export interface ListPackagesOptions {
  /** Default `vpc`, and always sent (never in the financial and government zones). */
  platform?: Platform;
  signal?: AbortSignal;
}

/** `GET /packages`: every package of the platform (the API does not page it). */
export async function listPackages(
  { kit }: NcfContext,
  { platform = "vpc", signal }: ListPackagesOptions = {},
): Promise<PackageSummary[]> {
  assertPlatform(platform);
  const body = await kit.run(
    "get",
    "/packages",
    { params: { query: { platform } } },
    { signal, idempotent: true, result: "json" },
  );
  const content: unknown = body?.content;
  return Array.isArray(content)
    ? content.filter((p): p is PackageSummary => typeof p?.name === "string")
    : [];
}
