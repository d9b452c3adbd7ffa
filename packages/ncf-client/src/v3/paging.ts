import { STREAMED_LISTING_BOUNDS, ValidationError } from "@fnapi/runtime";
import { listingBudget } from "@fnapi/runtime/internal";

// API v3's page-number listings (`pageNo` from 0, `pageSize` 1–100, `totalElements`/`totalPages` beside the
// items), walked as an async iterable. What it reads is counted by the runtime's listing budget, the one
// every listing has (pages, items, bytes: a ListingLimitError when one is passed), with `maxPages` and
// `maxItems` as given; what only page numbers can get wrong is checked here: a server whose `totalPages`
// outgrows the bound, answers another page than the one asked for, or sends the same page twice ends the
// walk with an NcfPagingError instead of looping. Page-number listings shift while things are created or
// deleted: whatever deletes what it listed lists completely first (see cascade.ts).

/** The page size every v3 listing asks for: the API's maximum. */
export const PAGE_SIZE = 100;

/** Bounds of one listing. */
export interface PagingOptions {
  /** Pages fetched at most (then a ListingLimitError). Default 100 (10,000 items at 100 a page), at most 10,000. */
  maxPages?: number;
  /** Items returned at most (then a ListingLimitError). Default 10,000, at most 1,000,000. Bytes: 256 MiB. */
  maxItems?: number;
  /** Aborts the listing between and during pages. */
  signal?: AbortSignal | undefined;
}

/** A listing whose paging meta broke its own rules; nothing after the last good page is returned. */
export class NcfPagingError extends Error {
  /** Always `NcfPagingError`. */
  override readonly name = "NcfPagingError";
  /** The operation that was listing (`listPackages`). */
  readonly operation: string;
  /** The pages fetched before it stopped. */
  readonly pages: number;
  constructor(operation: string, pages: number, problem: string) {
    super(`${operation}: ${problem} (after ${pages} page${pages === 1 ? "" : "s"})`);
    this.operation = operation;
    this.pages = pages;
  }
}

/** One page as the API answers it: the meta and the items, already checked to be an array. */
export interface Page<T> {
  pageNo: number;
  totalPages: number;
  items: T[];
}

function bound(field: string, value: unknown, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= max) return value as number;
  throw new ValidationError(field, `is ${String(value)}`, `it must be an integer from 1 to ${max}`);
}

/** Every item of a listing, page after page, within the bounds. */
export async function* pageThrough<T>(
  operation: string,
  fetchPage: (pageNo: number) => Promise<Page<T>>,
  keyOf: (item: T) => string,
  options: PagingOptions = {},
): AsyncGenerator<T, void, undefined> {
  const maxPages = bound("maxPages", options.maxPages, 100, 10_000);
  const maxItems = bound("maxItems", options.maxItems, 10_000, 1_000_000);
  const budget = listingBudget(operation, {
    maxPages,
    maxItems,
    maxBytes: STREAMED_LISTING_BOUNDS.maxBytes,
  });
  let previous: string | undefined;
  for (let pageNo = 0; ; pageNo++) {
    options.signal?.throwIfAborted();
    budget.beforePage();
    const page = await fetchPage(pageNo);
    const fail = (problem: string) => new NcfPagingError(operation, pageNo + 1, problem);
    if (page.pageNo !== pageNo)
      throw fail(`asked for page ${pageNo}, the server answered page ${page.pageNo}`);
    if (page.totalPages > maxPages)
      throw fail(`the server counts ${page.totalPages} pages, more than maxPages (${maxPages})`);
    if (page.items.length > PAGE_SIZE)
      throw fail(`a page of ${page.items.length} items, more than ${PAGE_SIZE}`);
    const signature = page.items.map(keyOf).join("\n");
    if (page.items.length > 0 && signature === previous)
      throw fail(`page ${pageNo} repeats page ${pageNo - 1}`);
    previous = signature;
    budget.received(page.items);
    yield* page.items;
    if (page.items.length === 0 || pageNo + 1 >= page.totalPages) return;
  }
}

/** Every item of an async iterable, in order. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
