import { ListingLimitError } from "@fnapi/runtime";
import { describe, expect, it } from "vitest";
import { NcfPagingError, type Page, pageThrough } from "./paging.js";

// v3's page-number walk counts what it reads with the runtime's one listing budget (pages, items, bytes),
// and keeps only what page numbers can get wrong as its own rule.

type Item = { name: string; blob?: string };
const walk = async (get: (pageNo: number) => Page<Item>, options = {}) => {
  const seen: Item[] = [];
  try {
    for await (const item of pageThrough(
      "listPackages",
      async (n) => get(n),
      (i) => i.name,
      options,
    ))
      seen.push(item);
    return { seen };
  } catch (error) {
    return { seen, error };
  }
};

describe("v3 paging: one listing budget, the page-number rules its own", () => {
  it("more items than maxItems: a ListingLimitError (the runtime's), nothing past the page that passed it", async () => {
    const { seen, error } = await walk(
      (n) => ({ pageNo: n, totalPages: 50, items: [{ name: `a${n}` }, { name: `b${n}` }] }),
      {
        maxItems: 5,
      },
    );
    expect(error).toBeInstanceOf(ListingLimitError);
    expect(error).toMatchObject({ operation: "listPackages", bound: "maxItems", limit: 5 });
    expect(seen).toHaveLength(4);
  });

  it("items over 256 MiB in all: a ListingLimitError on maxBytes (v3 had no byte bound)", async () => {
    const blob = "x".repeat(3 * 1024 * 1024);
    const { seen, error } = await walk((n) => ({
      pageNo: n,
      totalPages: 2,
      items: Array.from({ length: 100 }, (_, i) => ({ name: `p${n}-${i}`, blob })),
    }));
    expect(error).toMatchObject({ name: "ListingLimitError", bound: "maxBytes" });
    expect(seen).toHaveLength(0);
  });

  it("page-number faults stay NcfPagingError: another page, a repeat, totalPages past maxPages", async () => {
    const other = await walk(() => ({ pageNo: 0, totalPages: 3, items: [{ name: "x" }] }));
    expect(other.error).toBeInstanceOf(NcfPagingError);
    const repeat = await walk((n) => ({ pageNo: n, totalPages: 3, items: [{ name: "x" }] }));
    expect(repeat.error).toMatchObject({ name: "NcfPagingError", pages: 2 });
    const growing = await walk((n) => ({ pageNo: n, totalPages: n + 2, items: [{ name: `p${n}` }] }), {
      maxPages: 4,
    });
    expect(growing.error).toBeInstanceOf(NcfPagingError);
    expect(growing.seen).toHaveLength(3);
  });
});
