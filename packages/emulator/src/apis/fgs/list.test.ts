import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../server.js";
import { json, PROJECT } from "../../test-support.js";

// FunctionGraph listing over plain HTTP (authentication off): paging by marker/maxitems, lastModified seeds.

const urn = (name: string) => `urn:fss:cn-north-4:${PROJECT}:function:default:${name}`;
const NAMES = Array.from({ length: 7 }, (_, i) => `fn-${i}`);

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({
    port: 0,
    auth: "off",
    seed: {
      huawei: {
        functions: [
          ...NAMES.map((n, i) => ({ urn: urn(n), lastModified: `2026-11-0${i + 1}T00:00:00Z` })),
          {
            urn: urn("versioned"),
            versions: ["v20261101-101010", "v20261115-090000"],
            aliases: { prod: "v20261101-101010" },
          },
        ],
      },
    },
  });
});
afterAll(() => emu.close());

interface FunctionPage {
  functions: { func_urn: string; func_name: string; last_modified: string }[];
  next_marker: number;
  count: number;
}
const list = async (query: string) =>
  (await json(await fetch(`${emu.url}/v2/${PROJECT}/fgs/functions${query}`))) as FunctionPage;

describe("listFunctions", () => {
  it("pages by marker and maxitems until next_marker reaches count, every function once", async () => {
    const seen: string[] = [];
    let marker = 0;
    let pages = 0;
    for (;;) {
      const page = await list(`?maxitems=3&marker=${marker}`);
      pages++;
      expect(page.count).toBe(8);
      seen.push(...page.functions.map((f) => f.func_name));
      if (page.functions.length === 0 || page.next_marker >= page.count) break;
      expect(page.next_marker).toBeGreaterThan(marker);
      marker = page.next_marker;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([...NAMES, "versioned"]);
  });

  it("reports the seeded lastModified, and the URN with :latest", async () => {
    const page = await list("?maxitems=1");
    expect(page.functions[0]).toMatchObject({
      func_urn: `${urn("fn-0")}:latest`,
      last_modified: "2026-11-01T00:00:00Z",
    });
  });

  it("maxitems absent, 0 or above 400 means 400; negative is 400 FSS.0400", async () => {
    expect((await list("?maxitems=0")).functions).toHaveLength(8);
    const r = await fetch(`${emu.url}/v2/${PROJECT}/fgs/functions?maxitems=-1`);
    expect(r.status).toBe(400);
  });

  it("a marker past the end is an empty page", async () => {
    expect((await list("?marker=99")).functions).toEqual([]);
  });
});

describe("listFunctionVersions and listVersionAliases", () => {
  it("lists latest and the published versions, and the aliases with their targets", async () => {
    const v = (await json(
      await fetch(`${emu.url}/v2/${PROJECT}/fgs/functions/${urn("versioned")}/versions?maxitems=2`),
    )) as { versions: { version: string; last_modified: string }[]; next_marker: number; count: number };
    expect(v.versions.map((x) => x.version)).toEqual(["latest", "v20261101-101010"]);
    expect(v.versions[1]?.last_modified).toBe("2026-11-01T10:10:10Z");
    expect(v).toMatchObject({ next_marker: 2, count: 3 });
    const a = await json(await fetch(`${emu.url}/v2/${PROJECT}/fgs/functions/${urn("versioned")}/aliases`));
    expect(a).toEqual([expect.objectContaining({ name: "prod", version: "v20261101-101010" })]);
  });

  it("answers 404 FSS.1051 for a missing function", async () => {
    const r = await fetch(`${emu.url}/v2/${PROJECT}/fgs/functions/${urn("missing")}/aliases`);
    expect(r.status).toBe(404);
    expect(await json(r)).toMatchObject({ error_code: "FSS.1051" });
  });
});

describe("listPackages", () => {
  it("lists the packages of the platform", async () => {
    const e = await startEmulator({
      port: 0,
      auth: "off",
      seed: {
        ncp: {
          packages: [
            { name: "a", platform: "vpc", actions: [] },
            { name: "b", platform: "classic", actions: [] },
          ],
        },
      },
    });
    try {
      const vpc = await json(await fetch(`${e.url}/ncf/api/v2/packages`));
      expect(vpc).toEqual({ content: [{ name: "a", description: "" }] });
      const classic = await json(await fetch(`${e.url}/api/v2/packages`));
      expect(classic).toEqual({ content: [{ name: "b", description: "" }] });
    } finally {
      await e.close();
    }
  });
});
