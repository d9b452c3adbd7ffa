import { ValidationError } from "@fnapi/runtime";
import type { FgsContext } from "../context.js";
import type { components } from "../generated/fgs.js";

/** A function as listed: the 7-field URN, its name and package, and when it was last changed. */
export interface ListedFunction {
  /** The 7-field URN (a listed `:latest` is dropped): what `deleteFunction` deletes as a whole. */
  urn: string;
  name: string;
  package: string;
  /** `last_modified` as a Date; `undefined` when it is missing or not a date. */
  lastModified: Date | undefined;
  /** The item as the API sent it. */
  raw: components["schemas"]["FunctionSummary"];
}

export interface ListFunctionsOptions {
  /** Functions per page (`maxitems`), 1 to 400. Default 400. */
  pageSize?: number;
  /** Only the functions of this package (`package_name`). */
  packageName?: string;
  signal?: AbortSignal;
}

const PACKAGE = /^[A-Za-z0-9_-]{1,64}$/;

export function checkPageSize(pageSize: unknown): number {
  if (pageSize === undefined) return 400;
  if (typeof pageSize !== "number" || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 400) {
    throw new ValidationError("pageSize", `is ${String(pageSize)}`, "it must be an integer from 1 to 400");
  }
  return pageSize;
}

/** Whether paging must stop after a page: empty, no next marker, a marker that does not move forward, or the end. */
export function lastPage(
  items: number,
  marker: number,
  next: number | undefined,
  count: number | undefined,
): boolean {
  return (
    items === 0 ||
    next === undefined ||
    !Number.isSafeInteger(next) ||
    next <= marker ||
    (count !== undefined && next >= count)
  );
}

/** `last_modified` as a Date, or undefined. */
export function toDate(value: unknown): Date | undefined {
  if (typeof value !== "string") return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** The 7-field URN of a listed function (`func_urn` may carry `:latest`). */
function functionUrnOf(item: components["schemas"]["FunctionSummary"]): string {
  return item.func_urn.split(":").slice(0, 7).join(":");
}

/**
 * `GET /v2/{project_id}/fgs/functions`, page after page: an async iterable over every function of the
 * project. One page is fetched at a time, when the previous one has been consumed, so memory does not grow
 * with the number of functions. Stop early with `break`, or with `signal`.
 */
export function listFunctions(
  { kit, projectId }: FgsContext,
  { pageSize, packageName, signal }: ListFunctionsOptions = {},
): AsyncIterable<ListedFunction> {
  const maxitems = String(checkPageSize(pageSize));
  if (packageName !== undefined && (typeof packageName !== "string" || !PACKAGE.test(packageName))) {
    throw new ValidationError(
      "packageName",
      `${JSON.stringify(String(packageName).slice(0, 80))} is invalid`,
      "it must be 1-64 letters, digits, _ or -",
    );
  }
  return {
    async *[Symbol.asyncIterator]() {
      let marker = 0;
      for (;;) {
        const query = {
          maxitems,
          ...(marker > 0 ? { marker: String(marker) } : {}),
          ...(packageName !== undefined ? { package_name: packageName } : {}),
        };
        const body = await kit.run(
          "get",
          "/v2/{project_id}/fgs/functions",
          { params: { path: { project_id: projectId }, query } },
          { signal, idempotent: true, result: "json" },
        );
        const functions = Array.isArray(body?.functions) ? body.functions : [];
        for (const raw of functions) {
          if (typeof raw?.func_urn !== "string") continue;
          yield {
            urn: functionUrnOf(raw),
            name: raw.func_name,
            package: raw.package ?? functionUrnOf(raw).split(":")[5] ?? "default",
            lastModified: toDate(raw.last_modified),
            raw,
          };
        }
        if (lastPage(functions.length, marker, body?.next_marker, body?.count)) return;
        marker = body.next_marker as number;
      }
    },
  };
}
