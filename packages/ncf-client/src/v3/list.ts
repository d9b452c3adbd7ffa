import { checkOptions } from "@fnapi/runtime/internal";
import type { Package } from "../operations/get-package.js";
import type { ActionSummary } from "../operations/list-actions.js";
import type { PackageSummary } from "../operations/list-packages.js";
import type { Platform } from "../package-name.js";
import {
  assertActionName,
  assertV3ActionPackage,
  assertV3PackageName,
  type NcfV3Context,
  resultPlatform,
  v3Platform,
} from "./context.js";
import { PAGE_SIZE, type Page, type PagingOptions, pageThrough } from "./paging.js";
import { checkPackage, checkPage } from "./response-guards.js";

// API v3's reads, in the shapes the v2.1 operations return (so a caller's code works on both): listings as
// async iterables that page (`pageSize` 100) within bounds, and getPackage.

/** Options of a v3 listing. */
export interface ListOptionsV3 extends PagingOptions {
  /** `vpc` (default) or `classic`, sent as v3's `VPC`/`CLASSIC`. */
  platform?: Platform | "VPC" | "CLASSIC" | undefined;
}

/** An action as a v3 listing returns it: v2.1's summary, with the package it is in (`default`: none). */
export type ActionSummaryV3 = ActionSummary & { packageName?: string };

/** An action version (newest first in a listing). */
export interface ActionVersion {
  /** The version's name (`v1-stable`). */
  name: string;
  /** Its description, when it has one. */
  description?: string;
  /** When it was created (RFC 3339). */
  createdDateTime?: string;
}

const OPTIONS = { signal: "signal", maxPages: "number", maxItems: "number" } as const;

type Json = Record<string, unknown>;

/** One page of `key` items of `path`: the listing's request, checked. */
function pageOf(
  { kit }: NcfV3Context,
  operation: string,
  key: string,
  request: (
    fetch: Parameters<Parameters<NcfV3Context["kit"]["call"]>[1]>[0],
    pageNo: number,
  ) => Promise<unknown>,
  signal: AbortSignal | undefined,
) {
  return async (pageNo: number): Promise<Page<Json>> => {
    const { data } = await kit.call<Json>(
      { signal, idempotent: true, result: "json", operation, check: (body) => checkPage(body, key) },
      (fetch) => request(fetch, pageNo),
    );
    return {
      pageNo: data.pageNo as number,
      totalPages: data.totalPages as number,
      items: data[key] as Json[],
    };
  };
}

const byName = (item: Json) => `${item.packageName ?? ""}/${item.name}`;

/** `GET /packages`, every page. */
export async function* listPackagesV3(
  context: NcfV3Context,
  given?: ListOptionsV3,
): AsyncGenerator<PackageSummary, void, undefined> {
  const options = checkOptions(given, "listPackages", OPTIONS) as ListOptionsV3;
  const platform = v3Platform(options.platform);
  const page = pageOf(
    context,
    "listPackages",
    "packages",
    (fetch, pageNo) =>
      context.kit.client.GET("/packages", {
        params: { query: { platform, pageNo, pageSize: PAGE_SIZE } },
        parseAs: "stream",
        fetch,
      }),
    options.signal,
  );
  yield* pageThrough("listPackages", page, byName, options) as AsyncIterable<PackageSummary>;
}

/** v3's `BASIC`/`SEQUENCE_WEB` as v2.1's `basic`/`sequence-web`. */
const v21Type = (type: unknown) =>
  typeof type === "string" ? type.toLowerCase().replace(/_/g, "-") : undefined;

/** `GET /packages/{packageName}/actions`, every page (`default`: no package; `-`: every package). */
export async function* listActionsV3(
  context: NcfV3Context,
  packageName: string,
  given?: ListOptionsV3,
): AsyncGenerator<ActionSummaryV3, void, undefined> {
  const options = checkOptions(given, "listActions", OPTIONS) as ListOptionsV3;
  assertV3ActionPackage(packageName, true);
  const platform = v3Platform(options.platform);
  const page = pageOf(
    context,
    "listActions",
    "actions",
    (fetch, pageNo) =>
      context.kit.client.GET("/packages/{packageName}/actions", {
        params: { path: { packageName }, query: { platform, pageNo, pageSize: PAGE_SIZE } },
        parseAs: "stream",
        fetch,
      }),
    options.signal,
  );
  for await (const a of pageThrough("listActions", page, byName, options)) {
    const { name, description, type, runtimeCode, packageName: in_ } = a;
    const summary: Json = { name };
    if (typeof description === "string") summary.description = description;
    if (v21Type(type)) summary.type = v21Type(type);
    if (typeof runtimeCode === "string") summary.runtime = runtimeCode;
    if (typeof in_ === "string") summary.packageName = in_;
    yield summary as ActionSummaryV3;
  }
}

/** `GET …/actions/{actionName}/versions`, every page, newest first (VPC only). */
export async function* listActionVersionsV3(
  context: NcfV3Context,
  packageName: string,
  actionName: string,
  given?: Omit<ListOptionsV3, "platform">,
): AsyncGenerator<ActionVersion, void, undefined> {
  const options = checkOptions(given, "listActionVersions", OPTIONS) as ListOptionsV3;
  assertV3ActionPackage(packageName);
  assertActionName(actionName);
  const page = pageOf(
    context,
    "listActionVersions",
    "versions",
    (fetch, pageNo) =>
      context.kit.client.GET("/packages/{packageName}/actions/{actionName}/versions", {
        params: {
          path: { packageName, actionName },
          query: { platform: "VPC", pageNo, pageSize: PAGE_SIZE },
        },
        parseAs: "stream",
        fetch,
      }),
    options.signal,
  );
  yield* pageThrough("listActionVersions", page, byName, options) as AsyncIterable<ActionVersion>;
}

/** `GET /packages/{packageName}`, in v2.1's `Package` shape (`actions`: the names, `resourceId`: v3's id). */
export async function getPackageV3(
  { kit }: NcfV3Context,
  packageName: string,
  given?: { platform?: Platform; signal?: AbortSignal },
): Promise<Package> {
  const { signal, platform: p } = checkOptions(given, "getPackage", { signal: "signal" });
  assertV3PackageName(packageName);
  const platform = v3Platform(p);
  const { data } = await kit.call<{ package: Json }>(
    { signal, idempotent: true, result: "json", operation: "getPackage", check: checkPackage },
    (fetch) =>
      kit.client.GET("/packages/{packageName}", {
        params: { path: { packageName }, query: { platform } },
        parseAs: "stream",
        fetch,
      }),
  );
  const { name, description, id, parameters, actionNames } = data.package;
  const result: Package = { name: name as string, platform: resultPlatform(platform) };
  if (typeof description === "string") result.description = description;
  if (typeof id === "string") result.resourceId = id;
  if (parameters && typeof parameters === "object") result.parameters = parameters as Json;
  result.actions = Array.isArray(actionNames) ? (actionNames as string[]) : [];
  return result;
}
