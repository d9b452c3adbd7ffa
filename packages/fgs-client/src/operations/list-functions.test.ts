import { describe, expect, it } from "vitest";
import { createFgsClient, ResponseBodyError, ValidationError } from "../index.js";

const projectId = "7aad83af3e8d42e99ac194e8419e2c9b";
const base = `urn:fss:cn-north-4:${projectId}:function:default`;

/** A fetch that answers pages of `total` functions from the marker and maxitems it is sent, and records the URLs. */
function pagingFetch(total: number, extra: (url: URL) => Partial<Record<string, unknown>> = () => ({})) {
  const urls: URL[] = [];
  const fetch = async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    urls.push(url);
    const marker = Number(url.searchParams.get("marker") ?? "0");
    const size = Number(url.searchParams.get("maxitems"));
    const end = Math.min(marker + size, total);
    const functions = [];
    for (let i = marker; i < end; i++) {
      functions.push({
        func_urn: `${base}:f${i}:latest`,
        func_name: `f${i}`,
        package: "default",
        last_modified: i === 1 ? "not a date" : "2026-11-01T08:00:00+08:00",
      });
    }
    return Response.json({ functions, next_marker: end, count: total, ...extra(url) });
  };
  return { fetch: fetch as typeof globalThis.fetch, urls };
}

const client = (fetch: typeof globalThis.fetch) =>
  createFgsClient({ projectId, token: "MIItoken", fetch, backoff: { baseMs: 0, maxMs: 0 } });

describe("listFunctions", () => {
  it("yields every function of every page, with the 7-field URN, name and lastModified", async () => {
    const { fetch, urls } = pagingFetch(5);
    const names: string[] = [];
    const items = [];
    for await (const f of client(fetch).listFunctions({ pageSize: 2 })) {
      names.push(f.name);
      items.push(f);
    }
    expect(names).toEqual(["f0", "f1", "f2", "f3", "f4"]);
    expect(items[0]).toMatchObject({ urn: `${base}:f0`, package: "default" });
    expect(items[0]?.lastModified?.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(items[1]?.lastModified).toBeUndefined();
    expect(urls.map((u) => u.search)).toEqual([
      "?maxitems=2",
      "?maxitems=2&marker=2",
      "?maxitems=2&marker=4",
    ]);
    expect(urls[0]?.pathname).toBe(`/v2/${projectId}/fgs/functions`);
  });

  it("fetches a page only when the previous one is consumed (streaming)", async () => {
    const { fetch, urls } = pagingFetch(1000);
    let seen = 0;
    for await (const _ of client(fetch).listFunctions({ pageSize: 10 })) {
      if (++seen === 15) break;
    }
    expect(urls).toHaveLength(2);
  });

  it("stops when next_marker does not move forward (a hostile or buggy server cannot loop it)", async () => {
    const { fetch, urls } = pagingFetch(100, () => ({ next_marker: 0, count: 100 }));
    const all = [];
    for await (const f of client(fetch).listFunctions({ pageSize: 3 })) all.push(f);
    expect(all).toHaveLength(3);
    expect(urls).toHaveLength(1);
  });

  it("stops on an empty page or a page without next_marker", async () => {
    const { fetch, urls } = pagingFetch(4, () => ({ next_marker: undefined }));
    const all = [];
    for await (const f of client(fetch).listFunctions({ pageSize: 2 })) all.push(f);
    expect(all).toHaveLength(2);
    expect(urls).toHaveLength(1);
  });

  it("refuses a bad pageSize or packageName before a byte is sent", () => {
    const { fetch, urls } = pagingFetch(1);
    const fgs = client(fetch);
    expect(() => fgs.listFunctions({ pageSize: 401 })).toThrow(ValidationError);
    expect(() => fgs.listFunctions({ pageSize: 0 })).toThrow(/pageSize.*1 to 400/);
    expect(() => fgs.listFunctions({ packageName: "a/b" })).toThrow(/packageName/);
    expect(urls).toHaveLength(0);
  });
});

describe("listVersions and listAliases", () => {
  it("lists every page of versions and the aliases with their weights", async () => {
    const urls: string[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      urls.push(url.pathname + url.search);
      if (url.pathname.endsWith("/aliases")) {
        return Response.json([{ name: "prod", version: "v2", additional_version_weights: { v1: 10 } }]);
      }
      const marker = url.searchParams.get("marker");
      return Response.json(
        marker
          ? { versions: [{ version: "v2", last_modified: "2026-11-02T00:00:00Z" }], next_marker: 3, count: 3 }
          : { versions: [{ version: "latest" }, { version: "v1" }], next_marker: 2, count: 3 },
      );
    }) as typeof globalThis.fetch;
    const fgs = client(fetch);
    const versions = await fgs.listVersions(`${base}:hello`);
    expect(versions.map((v) => v.version)).toEqual(["latest", "v1", "v2"]);
    expect(versions[2]).toMatchObject({ urn: `${base}:hello:v2` });
    const aliases = await fgs.listAliases(`${base}:hello`);
    expect(aliases).toEqual([
      expect.objectContaining({
        name: "prod",
        version: "v2",
        additionalVersions: { v1: 10 },
      }),
    ]);
    expect(urls[0]).toBe(`/v2/${projectId}/fgs/functions/${base}:hello/versions?maxitems=400`);
  });

  it("refuses a version URN or another project's URN before a byte is sent", async () => {
    const { fetch, urls } = pagingFetch(1);
    const fgs = client(fetch);
    await expect(fgs.listVersions(`${base}:hello:v1`)).rejects.toThrow(/7-field URN/);
    await expect(fgs.listAliases(`urn:fss:cn-north-4:${"b".repeat(32)}:function:default:x`)).rejects.toThrow(
      ValidationError,
    );
    expect(urls).toHaveLength(0);
  });
});

describe("response guards of the listings", () => {
  const answering = (body: unknown) =>
    client((async () => Response.json(body)) as unknown as typeof globalThis.fetch);
  const hello = `${base}:hello`;

  it("a page without its array, or an item without a 7-field func_urn, is a ResponseBodyError naming the operation", async () => {
    const drain = async (fgs: ReturnType<typeof client>) => {
      for await (const _ of fgs.listFunctions()) {
        // drained
      }
    };
    await expect(drain(answering({ count: 1 }))).rejects.toThrow(ResponseBodyError);
    await expect(drain(answering({ count: 1 }))).rejects.toThrow(/listFunctions/);
    await expect(
      drain(answering({ functions: [{ func_urn: "urn:fss:x", func_name: "x" }], next_marker: 1 })),
    ).rejects.toThrow(/functions\[0\]/);
    await expect(drain(answering({ functions: [], next_marker: "1" }))).rejects.toThrow(/next_marker/);
  });

  it("versions without a string version, or aliases that are not an array of name and version, are refused", async () => {
    await expect(answering({ versions: [{ version: 3 }] }).listVersions(hello)).rejects.toThrow(
      /listVersions.*versions\[0\]|versions\[0\].*listVersions/s,
    );
    await expect(answering({ aliases: [] }).listAliases(hello)).rejects.toThrow(ResponseBodyError);
    await expect(answering([{ name: 5, version: "v9" }]).listAliases(hello)).rejects.toThrow(/\[0\]/);
  });
});
