// The bound on every listing. A server controls paging (`next_marker`, `count`) and how much each page holds:
// one that moves the marker forward forever, or sends a page of a million items, must not make a listing run
// without end or hold unbounded memory. Every listing counts its pages, its items and the bytes of its items
// against a documented bound, and ends in a ListingLimitError when one is reached: nothing it read is returned
// as if it were the whole listing.

/** The most a listing reads before it gives up with a ListingLimitError. */
export interface ListingBounds {
  /** Pages requested. */
  maxPages: number;
  /** Items received, over all pages. */
  maxItems: number;
  /** Bytes of the items received (as JSON), over all pages. */
  maxBytes: number;
}

/**
 * The bound of a listing returned whole (`listVersions`, `listAliases`, `listPackages`, `listActions`): 250
 * pages, 20 000 items, 32 MiB of items. Far above what the vendors' quotas allow an account (FunctionGraph:
 * tens of versions and aliases a function; NCF: hundreds of packages and actions), far below what exhausts
 * a process.
 */
export const LISTING_BOUNDS: Readonly<ListingBounds> = Object.freeze({
  maxPages: 250,
  maxItems: 20_000,
  maxBytes: 32 * 1024 * 1024,
});

/**
 * The bound of a streamed listing (`listFunctions`: one page in memory at a time): 1 000 pages, 200 000
 * items, 256 MiB of items.
 */
export const STREAMED_LISTING_BOUNDS: Readonly<ListingBounds> = Object.freeze({
  maxPages: 1_000,
  maxItems: 200_000,
  maxBytes: 256 * 1024 * 1024,
});

/** A listing reached its bound (pages, items or bytes): what it read so far is not the whole listing. */
export class ListingLimitError extends Error {
  /** Always `ListingLimitError`. */
  override readonly name = "ListingLimitError";
  /** The listing operation (`listFunctions`, `listVersions`, …). */
  readonly operation: string;
  /** Which bound was reached. */
  readonly bound: keyof ListingBounds;
  /** The bound's value. */
  readonly limit: number;
  constructor(operation: string, bound: keyof ListingBounds, limit: number) {
    super(
      `${operation}: the listing passed its bound (${bound} ${limit}); nothing was used as the whole listing`,
    );
    this.operation = operation;
    this.bound = bound;
    this.limit = limit;
  }
}

/** Counts one listing against its bounds. */
export interface ListingBudget {
  /** Before a page is requested: throws when the page bound is reached. */
  beforePage(): void;
  /** A page's items arrived: throws when the item or byte bound is passed. */
  received(items: readonly unknown[]): void;
}

/** The budget of one listing: `bounds` default to LISTING_BOUNDS. */
export function listingBudget(operation: string, bounds: ListingBounds = LISTING_BOUNDS): ListingBudget {
  let pages = 0;
  let items = 0;
  let bytes = 0;
  return {
    beforePage() {
      if (++pages > bounds.maxPages) throw new ListingLimitError(operation, "maxPages", bounds.maxPages);
    },
    received(page) {
      items += page.length;
      if (items > bounds.maxItems) throw new ListingLimitError(operation, "maxItems", bounds.maxItems);
      // Items are plain JSON (the page was parsed from at most the kit's body bound): their size is linear.
      for (const item of page) {
        bytes += JSON.stringify(item)?.length ?? 0;
        if (bytes > bounds.maxBytes) throw new ListingLimitError(operation, "maxBytes", bounds.maxBytes);
      }
    },
  };
}

/** One page as a paged listing reads it. */
export interface Page<T> {
  /** The page's items. */
  items: readonly T[];
  /** The marker of the next page, when the server gave one that moves forward. */
  next?: number | undefined;
}

/**
 * Pages of `get` (the marker of the previous page, or 0 for the first) until a page says it is the last,
 * each counted against `bounds`: the items one by one, or a ListingLimitError.
 */
export async function* boundedPages<T>(
  operation: string,
  get: (marker: number) => Promise<Page<T>>,
  bounds: ListingBounds = LISTING_BOUNDS,
): AsyncGenerator<T> {
  const budget = listingBudget(operation, bounds);
  let marker = 0;
  for (;;) {
    budget.beforePage();
    const page = await get(marker);
    budget.received(page.items);
    yield* page.items;
    if (page.next === undefined || page.next <= marker) return;
    marker = page.next;
  }
}

/** A listing of one page (the API does not page it): its items counted against `bounds`. */
export function boundedList<T>(
  operation: string,
  items: readonly T[],
  bounds: ListingBounds = LISTING_BOUNDS,
): readonly T[] {
  const budget = listingBudget(operation, bounds);
  budget.beforePage();
  budget.received(items);
  return items;
}
