// v3's page-number paging: `pageNo` from 0, `pageSize` 1–100 (default 20), the meta flat beside the items.
// A page at or beyond `totalPages` is empty.

export interface Page {
  pageNo: number;
  pageSize: number;
}

const INT32_MAX = 2 ** 31 - 1;

/** The query's page, or the parameter that breaks its rule (the spec's pattern has checked "integer"). */
export function paging(query: Record<string, string>): Page | { field: string; rule: string } {
  const pageNo = Number(query.pageNo ?? 0);
  const pageSize = Number(query.pageSize ?? 20);
  if (!Number.isSafeInteger(pageNo) || pageNo < 0 || pageNo > INT32_MAX)
    return { field: "pageNo", rule: "must be an integer from 0" };
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > 100)
    return { field: "pageSize", rule: "must be an integer from 1 to 100" };
  return { pageNo, pageSize };
}

export function pageOf<T>(items: T[], { pageNo, pageSize }: Page, key: string) {
  const start = pageNo * pageSize;
  return {
    pageNo,
    pageSize,
    totalElements: items.length,
    totalPages: Math.ceil(items.length / pageSize),
    [key]: items.slice(start, start + pageSize),
  };
}
