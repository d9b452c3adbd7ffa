import { describe, expect, it } from "vitest";
import { FIELD_LIMIT, RequestLog, type RequestRecord } from "./request-log.js";

const record = (path: string): Omit<RequestRecord, "seq"> => ({
  time: "2026-01-01T00:00:00.000Z",
  method: "DELETE",
  path,
  operation: null,
  status: 404,
  code: "300",
  authPassed: null,
  requestId: "0".repeat(32),
});

describe("RequestLog", () => {
  it("cuts long fields, marked, and stays under its byte bound by dropping the oldest", () => {
    const log = new RequestLog(10_000, 50_000);
    for (let i = 0; i < 200; i++) log.add(record(`/${"x".repeat(14_000)}${i}`));
    const records = log.list();
    expect(JSON.stringify(records).length).toBeLessThanOrEqual(50_000 + 2 * records.length);
    expect(records.at(-1)?.seq).toBe(200);
    expect(records[0]?.path).toMatch(new RegExp(`^/x{${FIELD_LIMIT - 1}}…\\[cut \\d+ bytes\\]$`));
  });

  it("pages by seq, with filters", () => {
    const log = new RequestLog();
    for (let i = 0; i < 25; i++) log.add({ ...record(`/p${i}`), status: i % 2 ? 204 : 404 });
    const first = log.page({ limit: 10 });
    expect(first.records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(first.more).toBe(true);
    expect(log.page({ after: 20 }).records.map((r) => r.seq)).toEqual([21, 22, 23, 24, 25]);
    expect(log.page({ status: 204, after: 20 }).records.map((r) => r.seq)).toEqual([22, 24]);
    expect(log.page({ after: 25 })).toEqual({ records: [], more: false });
  });
});
