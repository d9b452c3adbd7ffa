import { type Emulator, startEmulator } from "@fnapi/emulator";
import { createNcfClient, NcfPagingError, type NcfV3Client } from "@fnapi/ncf-client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

// The v3 client against the emulator (signatures verified): paging through 250 packages, cascade through
// /api/v3 with the package then gone through v2.1 too, versions; and the paging guards against a server that
// repeats a page or keeps growing totalPages.

const NCP = { accessKey: "AK", secretKey: "SK" };
const packages = [
  { name: "ci-run-1", platform: "vpc", actions: ["build", "test", { name: "seq", type: "sequence" }] },
  { name: "-", platform: "vpc", actions: ["loose"] },
  ...Array.from({ length: 249 }, (_, i) => ({
    name: `bulk-${String(i).padStart(3, "0")}`,
    platform: "vpc",
    actions: [],
  })),
];
const seed = {
  ncp: {
    credentials: [NCP],
    packages,
    actionVersions: [
      { package: "ci-run-1", action: "build", versions: [{ name: "v1" }, { name: "v2" }, { name: "v3" }] },
    ],
  },
};

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, seed: seed as never });
});
afterAll(() => emu?.close());
beforeEach(() => emu.reset());

const v3 = (extra = {}): NcfV3Client =>
  createNcfClient({ ...NCP, baseUrl: `${emu.url}/api/v3`, ...extra }) as NcfV3Client;

describe("the v3 client against the emulator", () => {
  it("picks v3 from the /api/v3 prefix; listPackages over 250 packages returns all 250 in 3 pages (pageSize 100)", async () => {
    const ncf = v3();
    expect(ncf.api).toBe("v3");
    const listed = await ncf.listPackages();
    expect(listed).toHaveLength(250);
    const pages = emu.requests().filter((r) => r.operation === "listPackages");
    expect(pages.map((r) => [r.path, r.status])).toEqual([
      ["/api/v3/packages", 200],
      ["/api/v3/packages", 200],
      ["/api/v3/packages", 200],
    ]);
    expect(new Set(listed.map((p) => p.name)).size).toBe(250);
  });

  it("cascade deletes the actions (their versions with them), confirms, deletes the package; v2.1 then answers 404", async () => {
    const report = await v3().deletePackage("ci-run-1", { cascade: true });
    expect(report).toMatchObject({ alreadyGone: false, rounds: 1 });
    expect([...report.deletedActions].sort()).toEqual(["build", "seq", "test"]);
    const trail = emu.requests().map((r) => `${r.method} ${r.path} ${r.status}`);
    expect(trail[0]).toBe("GET /api/v3/packages/ci-run-1/actions 200");
    expect(trail.at(-2)).toBe("GET /api/v3/packages/ci-run-1/actions 200");
    expect(trail.at(-1)).toBe("DELETE /api/v3/packages/ci-run-1 204");
    expect(trail.filter((t) => t.startsWith("DELETE /api/v3/packages/ci-run-1/actions/"))).toHaveLength(3);
    const legacy = createNcfClient({ ...NCP, baseUrl: `${emu.url}/ncf/api/v2` });
    await expect(legacy.getPackage("ci-run-1")).rejects.toMatchObject({ status: 404, code: "80101" });
    expect(emu.state().ncp).not.toHaveProperty("actionVersions.0");
  });

  it("versions: listed newest first, deleted one by one; missingOk knows VersionNotFound", async () => {
    const ncf = v3();
    expect((await ncf.listActionVersions("ci-run-1", "build")).map((v) => v.name)).toEqual([
      "v3",
      "v2",
      "v1",
    ]);
    await ncf.deleteActionVersion("ci-run-1", "build", "v1");
    await expect(
      ncf.deleteActionVersion("ci-run-1", "build", "v1", { missingOk: true }),
    ).resolves.toMatchObject({
      alreadyGone: true,
    });
    await expect(ncf.deleteActionVersion("ci-run-1", "build", "v1")).rejects.toMatchObject({
      status: 404,
      code: "VersionNotFound",
    });
  });

  it("lower-case platforms are accepted and sent upper case; default and - keep v3's meanings", async () => {
    const ncf = v3();
    await expect(ncf.deletePackage("bulk-000", { platform: "vpc" })).resolves.toMatchObject({
      alreadyGone: false,
    });
    expect(emu.requests().at(-1)?.path).toBe("/api/v3/packages/bulk-000");
    expect((await ncf.listActions("default")).map((a) => a.name)).toEqual(["loose"]);
    expect((await ncf.listActions("-")).map((a) => `${a.packageName}/${a.name}`)).toEqual([
      "default/loose",
      "ci-run-1/build",
      "ci-run-1/seq",
      "ci-run-1/test",
    ]);
    await expect(ncf.deleteAction("-", "loose")).rejects.toMatchObject({ field: "packageName" });
    await expect(ncf.deletePackage("default")).rejects.toMatchObject({ field: "packageName" });
  });
});

describe("v3 paging guards", () => {
  const page = (pageNo: number, totalPages: number, names: string[]) =>
    Response.json({
      pageNo,
      pageSize: 100,
      totalElements: totalPages * 100,
      totalPages,
      packages: names.map((name) => ({ name })),
    });
  const hostile = (answer: (pageNo: number) => Response) => {
    let calls = 0;
    const fetch = async (input: RequestInfo | URL) => {
      calls++;
      const url = new URL(input instanceof Request ? input.url : String(input));
      return answer(Number(url.searchParams.get("pageNo")));
    };
    const ncf = createNcfClient({ ...NCP, api: "v3", baseUrl: "http://127.0.0.1:9/api/v3", fetch });
    return { ncf, calls: () => calls };
  };

  it("a server that repeats a page ends in NcfPagingError on the second page", async () => {
    const { ncf, calls } = hostile((n) => page(n, 5, ["a", "b"]));
    const error = await ncf.listPackages().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NcfPagingError);
    expect(error).toMatchObject({ operation: "listPackages", pages: 2 });
    expect(calls()).toBe(2);
  });

  it("a server whose totalPages keeps growing ends in NcfPagingError within maxPages", async () => {
    const { ncf, calls } = hostile((n) => page(n, n + 2, [`p${n}`]));
    const error = await ncf.listPackages({ maxPages: 7 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NcfPagingError);
    expect(calls()).toBeLessThanOrEqual(7);
  });

  it("a server that answers another page than asked, or too many items, is refused", async () => {
    await expect(hostile(() => page(0, 3, ["x"])).ncf.listPackages()).rejects.toThrow(/answered page 0/);
    await expect(hostile((n) => page(n, 3, [`x${n}`])).ncf.listPackages({ maxItems: 2 })).rejects.toThrow(
      /maxItems/,
    );
  });
});
