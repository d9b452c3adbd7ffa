import { buildRequest, type OutgoingRequest, send } from "@fnapi/runtime";
import { checkOptions, coreOf } from "@fnapi/runtime/internal";
import type { paths } from "../generated/ncf-v3.js";
import type { Package } from "../operations/get-package.js";
import type { ActionSummary } from "../operations/list-actions.js";
import type { PackageSummary } from "../operations/list-packages.js";
import type { Platform } from "../package-name.js";
import {
  assertActionName,
  assertV3ActionPackage,
  assertV3PackageName,
  resultPlatform,
  v3Platform,
} from "./context.js";
import type { NcfV3 } from "./ncf-v3.js";
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

type Target = { readonly baseUrl: string };

/** One page of `key` items: the listing's request for `pageNo`, sent and checked. */
function pageOf(
  ncf: NcfV3,
  operation: string,
  key: string,
  request: (target: Target, pageNo: number) => OutgoingRequest,
  signal: AbortSignal | undefined,
) {
  const core = coreOf(ncf);
  return async (pageNo: number): Promise<Page<Json>> => {
    const { data } = await send<Json>(core, request(core, pageNo), {
      signal,
      idempotent: true,
      result: "json",
      operation,
      check: (body) => checkPage(body, key),
    });
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
  ncf: NcfV3,
  given?: ListOptionsV3,
): AsyncGenerator<PackageSummary, void, undefined> {
  const options = checkOptions(given, "listPackages", OPTIONS) as ListOptionsV3;
  const platform = v3Platform(options.platform);
  const page = pageOf(
    ncf,
    "listPackages",
    "packages",
    (target, pageNo) =>
      buildRequest<paths, "/packages", "get">(target, "get", "/packages", {
        query: { platform, pageNo, pageSize: PAGE_SIZE },
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
  ncf: NcfV3,
  packageName: string,
  given?: ListOptionsV3,
): AsyncGenerator<ActionSummaryV3, void, undefined> {
  const options = checkOptions(given, "listActions", OPTIONS) as ListOptionsV3;
  assertV3ActionPackage(packageName, true);
  const platform = v3Platform(options.platform);
  const page = pageOf(
    ncf,
    "listActions",
    "actions",
    (target, pageNo) =>
      buildRequest<paths, "/packages/{packageName}/actions", "get">(
        target,
        "get",
        "/packages/{packageName}/actions",
        { path: { packageName }, query: { platform, pageNo, pageSize: PAGE_SIZE } },
      ),
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
  ncf: NcfV3,
  packageName: string,
  actionName: string,
  given?: Omit<ListOptionsV3, "platform">,
): AsyncGenerator<ActionVersion, void, undefined> {
  const options = checkOptions(given, "listActionVersions", OPTIONS) as ListOptionsV3;
  assertV3ActionPackage(packageName);
  assertActionName(actionName);
  const page = pageOf(
    ncf,
    "listActionVersions",
    "versions",
    (target, pageNo) =>
      buildRequest<paths, "/packages/{packageName}/actions/{actionName}/versions", "get">(
        target,
        "get",
        "/packages/{packageName}/actions/{actionName}/versions",
        {
          path: { packageName, actionName },
          query: { platform: "VPC", pageNo, pageSize: PAGE_SIZE },
        },
      ),
    options.signal,
  );
  yield* pageThrough("listActionVersions", page, byName, options) as AsyncIterable<ActionVersion>;
}

/** `GET /packages/{packageName}`, in v2.1's `Package` shape (`actions`: the names, `resourceId`: v3's id). */
export async function getPackageV3(
  ncf: NcfV3,
  packageName: string,
  given?: { platform?: Platform; signal?: AbortSignal },
): Promise<Package> {
  const { signal, platform: p } = checkOptions(given, "getPackage", { signal: "signal" });
  assertV3PackageName(packageName);
  const platform = v3Platform(p);
  const core = coreOf(ncf);
  const { data } = await send<{ package: Json }>(
    core,
    buildRequest<paths, "/packages/{packageName}", "get">(core, "get", "/packages/{packageName}", {
      path: { packageName },
      query: { platform },
    }),
    { signal, idempotent: true, result: "json", operation: "getPackage", check: checkPackage },
  );
  const { name, description, id, parameters, actionNames } = data.package;
  const result: Package = { name: name as string, platform: resultPlatform(platform) };
  if (typeof description === "string") result.description = description;
  if (typeof id === "string") result.resourceId = id;
  if (parameters && typeof parameters === "object") result.parameters = parameters as Json;
  result.actions = Array.isArray(actionNames) ? (actionNames as string[]) : [];
  return result;
}
