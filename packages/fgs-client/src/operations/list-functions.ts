import {
  buildRequest,
  LISTING_BOUNDS,
  type ListingBounds,
  STREAMED_LISTING_BOUNDS,
  send,
  ValidationError,
} from "@fnapi/runtime";
import { boundedPages, checkOptions, coreOf } from "@fnapi/runtime/internal";
import type { Fgs } from "../fgs.js";
import type { components, paths } from "../generated/fgs.js";
import { checkFunctionList } from "./list-guards.js";

/** A function as listed: the 7-field URN, its name and package, and when it was last changed. */
export interface ListedFunction {
  /** The 7-field URN (a listed `:latest` is dropped): what `deleteFunction` deletes as a whole. */
  urn: string;
  /** The function name (the URN's 7th field). */
  name: string;
  /** The package (the URN's 6th field). */
  package: string;
  /** `last_modified` as a Date; `undefined` when it is missing or not a date. */
  lastModified: Date | undefined;
  /** The item as the API sent it. */
  raw: components["schemas"]["FunctionSummary"];
}

/** Options of `listFunctions`. */
export interface ListFunctionsOptions {
  /** Functions per page (`maxitems`), 1 to 400. Default 400. */
  pageSize?: number;
  /** Only the functions of this package (`package_name`). */
  packageName?: string;
  /** Aborts the listing (the page in flight, its retries and backoff). */
  signal?: AbortSignal;
}

/** A page's query: `maxitems`, and `marker` after the first page. */
export type PageQuery = { maxitems: string; marker?: string };

/**
 * Page after page (`marker`, `maxitems`), the items under `key` (each page already checked by the
 * operation's response guard). It stops on an empty page, or when `next_marker` is missing, does not move
 * forward, or reaches `count` (the end is not documented; record 0010); and a server that keeps paging ends
 * in a ListingLimitError at the listing bound (LISTING_BOUNDS: pages, items, bytes; record 0012).
 */
export function paged<T>(
  operation: string,
  get: (query: PageQuery) => Promise<Record<string, unknown>>,
  key: string,
  maxitems = "400",
  bounds: ListingBounds = LISTING_BOUNDS,
): AsyncGenerator<T> {
  return boundedPages<T>(
    operation,
    async (marker) => {
      const body = await get(marker ? { maxitems, marker: `${marker}` } : { maxitems });
      const items = body[key] as T[];
      const next = body.next_marker;
      const count = body.count;
      const last =
        !items.length ||
        !Number.isSafeInteger(next) ||
        (typeof count === "number" && (next as number) >= count);
      return { items, next: last ? undefined : (next as number) };
    },
    bounds,
  );
}

/** `last_modified` as a Date, or undefined. */
export const toDate = (value: unknown): Date | undefined => {
  const time = Date.parse(value as string);
  return Number.isNaN(time) ? undefined : new Date(time);
};

/**
 * `GET /v2/{project_id}/fgs/functions`, page after page: an async iterable over every function of the
 * project. A page is fetched only when the previous one has been consumed, so memory does not grow with the
 * number of functions. Stop early with `break`, or with `signal`. Bad options throw at once (no request).
 */
export function listFunctions(fgs: Fgs, options?: ListFunctionsOptions): AsyncIterable<ListedFunction> {
  const {
    pageSize = 400,
    packageName,
    signal,
  } = checkOptions(options, "listFunctions", {
    pageSize: "number",
    packageName: "string",
    signal: "signal",
  });
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 400) {
    throw new ValidationError("pageSize", `is ${pageSize}`, "it must be an integer from 1 to 400");
  }
  if (packageName !== undefined && !/^[\w-]{1,64}$/.test(packageName)) {
    throw new ValidationError(
      "packageName",
      "is invalid",
      "it must be 1-64 letters, digits, _ or - (a package of the project)",
    );
  }
  const core = coreOf(fgs);
  return {
    async *[Symbol.asyncIterator]() {
      const pages = paged<ListedFunction["raw"]>(
        "listFunctions",
        async (query) =>
          (
            await send<Record<string, unknown>>(
              core,
              buildRequest<paths, "/v2/{project_id}/fgs/functions", "get">(
                core,
                "get",
                "/v2/{project_id}/fgs/functions",
                {
                  path: { project_id: fgs.projectId },
                  query: packageName ? { ...query, package_name: packageName } : query,
                },
              ),
              {
                signal,
                idempotent: true,
                result: "json",
                operation: "listFunctions",
                check: checkFunctionList,
              },
            )
          ).data,
        "functions",
        `${pageSize}`,
        STREAMED_LISTING_BOUNDS,
      );
      for await (const raw of pages) {
        const fields = raw.func_urn.split(":");
        yield {
          urn: fields.slice(0, 7).join(":"),
          name: fields[6] as string,
          package: fields[5] as string,
          lastModified: toDate(raw.last_modified),
          raw,
        };
      }
    },
  };
}
