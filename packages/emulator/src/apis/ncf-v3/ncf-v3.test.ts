import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../server.js";
import { json, NCP, ncpSigned, testSeed } from "../../test-support.js";

// API v3 beside v2.1 over one state, through signed raw requests (authentication verified, as a user's
// curl would be): v3's codes and error body, case-sensitive `platform`, reserved names, paging, versions.

function seed(region?: "kr" | "sg" | "jp") {
  const base = testSeed();
  const packages = [
    ...(base.ncp?.packages ?? []),
    ...Array.from({ length: 45 }, (_, i) => ({
      name: `bulk-${String(i).padStart(2, "0")}`,
      platform: "vpc" as const,
      actions: [],
    })),
  ];
  return {
    ...base,
    ncp: {
      ...base.ncp,
      packages,
      ...(region ? { region } : {}),
      actionVersions: [
        {
          package: "package001",
          action: "hello",
          versions: [
            { name: "v1", createdDateTime: "2026-11-01T00:00:00Z" },
            { name: "v3", createdDateTime: "2026-11-03T00:00:00Z" },
            { name: "v2", createdDateTime: "2026-11-02T00:00:00Z" },
          ],
        },
      ],
    },
  };
}

let emu: Emulator;
let sg: Emulator;
beforeAll(async () => {
  [emu, sg] = await Promise.all([
    startEmulator({ port: 0, seed: seed() }),
    startEmulator({ port: 0, seed: seed("sg") }),
  ]);
});
afterAll(() => Promise.all([emu?.close(), sg?.close()]));
beforeEach(() => {
  emu.reset();
  sg.reset();
});

async function send(path: string, method = "GET", on: Emulator = emu) {
  const url = `${on.url}${path}`;
  const response = await fetch(url, await ncpSigned(url, method, NCP));
  const body = (await json(response)) as Record<string, unknown> | undefined;
  return { status: response.status, body };
}
const codeOf = (body: unknown) => (body as { error: { errorCode: string } }).error.errorCode;

describe("ncf API v3 in the emulator", () => {
  it("a package with actions: DELETE ?platform=VPC answers 409 ResourceInUse in v3's error body", async () => {
    const r = await send("/api/v3/packages/package001?platform=VPC", "DELETE");
    expect(r.status).toBe(409);
    expect(r.body).toEqual({
      error: { errorCode: "ResourceInUse", message: "The specified resource is in use." },
    });
  });

  it("an unknown package and the reserved `default` answer 404 PackageNotFound (get and delete)", async () => {
    for (const name of ["nope", "default", "PACKAGE001"]) {
      for (const method of ["DELETE", "GET"]) {
        const r = await send(`/api/v3/packages/${name}?platform=VPC`, method);
        expect(r.status, `${method} ${name}`).toBe(404);
        expect(codeOf(r.body), `${method} ${name}`).toBe("PackageNotFound");
      }
    }
  });

  it("CLASSIC in a VPC-only region answers 400 InvalidParameter naming the field; Korea has Classic", async () => {
    const r = await send("/api/v3/packages/old?platform=CLASSIC", "DELETE", sg);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({
      error: { errorCode: "InvalidParameter", fieldErrors: [{ field: "platform" }] },
    });
    expect((await send("/api/v3/packages/old?platform=CLASSIC", "DELETE")).status).toBe(204);
  });

  it("platform is case-sensitive: vpc, Vpc and EDGE answer 400 InvalidParameter", async () => {
    for (const platform of ["vpc", "Vpc", "classic", "EDGE"]) {
      const r = await send(`/api/v3/packages/empty?platform=${platform}`, "DELETE");
      expect(r.status, platform).toBe(400);
      expect(codeOf(r.body), platform).toBe("InvalidParameter");
    }
  });

  it("one state: a package deleted through v3 is 404 through v2.1, and one deleted through v2.1 through v3", async () => {
    expect((await send("/api/v3/packages/empty", "DELETE")).status).toBe(204);
    expect((await send("/ncf/api/v2/packages/empty", "GET")).status).toBe(404);
    expect((await send("/ncf/api/v2/packages/bulk-00", "DELETE")).status).toBe(204);
    expect(codeOf((await send("/api/v3/packages/bulk-00", "GET")).body)).toBe("PackageNotFound");
    expect(
      emu
        .requests()
        .slice(-4)
        .map((r) => r.path.split("/packages")[0]),
    ).toEqual(["/api/v3", "/ncf/api/v2", "/ncf/api/v2", "/api/v3"]);
  });

  it("pages: listPackages in names order, pageSize 1–100, a page beyond the last is empty", async () => {
    const seen: string[] = [];
    for (let pageNo = 0; pageNo < 3; pageNo++) {
      const { body } = await send(`/api/v3/packages?pageNo=${pageNo}&pageSize=20`);
      expect(body).toMatchObject({ pageNo, pageSize: 20, totalElements: 47, totalPages: 3 });
      seen.push(...((body as { packages: unknown }).packages as { name: string }[]).map((p) => p.name));
    }
    expect(seen).toHaveLength(47);
    expect(seen).toEqual([...seen].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(seen).not.toContain("default");
    expect((await send("/api/v3/packages?pageNo=3&pageSize=20")).body).toMatchObject({ packages: [] });
    for (const bad of ["pageSize=0", "pageSize=101", "pageNo=-1", "pageNo=x"]) {
      const r = await send(`/api/v3/packages?${bad}`);
      expect(r.status, bad).toBe(400);
      expect(codeOf(r.body), bad).toBe("InvalidParameter");
    }
  });

  it("reserved names in listActions: `default` is no package, `-` every package (unpackaged first)", async () => {
    const none = await send("/api/v3/packages/default/actions");
    expect(((none.body as { actions: unknown }).actions as { name: string }[]).map((a) => a.name)).toEqual([
      "loose",
    ]);
    const all = await send("/api/v3/packages/-/actions");
    expect(
      ((all.body as { actions: unknown }).actions as { name: string; packageName: string }[]).map(
        (a) => `${a.packageName}/${a.name}`,
      ),
    ).toEqual(["default/loose", "package001/hello", "package001/world"]);
    const single = await send("/api/v3/packages/-/actions/loose");
    expect(single.status).toBe(400);
  });

  it("versions: newest first, VPC only, deleted one by one, and gone with their action", async () => {
    const list = await send("/api/v3/packages/package001/actions/hello/versions");
    expect(((list.body as { versions: unknown }).versions as { name: string }[]).map((v) => v.name)).toEqual([
      "v3",
      "v2",
      "v1",
    ]);
    const classic = await send("/api/v3/packages/package001/actions/hello/versions?platform=CLASSIC");
    expect(codeOf(classic.body)).toBe("InvalidParameter");
    expect((await send("/api/v3/packages/package001/actions/hello/versions/v1", "DELETE")).status).toBe(204);
    const again = await send("/api/v3/packages/package001/actions/hello/versions/v1", "DELETE");
    expect([again.status, codeOf(again.body)]).toEqual([404, "VersionNotFound"]);
    expect((await send("/api/v3/packages/package001/actions/hello", "DELETE")).status).toBe(204);
    const gone = await send("/api/v3/packages/package001/actions/hello/versions");
    expect([gone.status, codeOf(gone.body)]).toEqual([404, "ActionNotFound"]);
    expect(emu.state().ncp).not.toHaveProperty("actionVersions.0");
  });

  it("a bad signature is the gateway's 401, as under v2.1", async () => {
    const url = `${emu.url}/api/v3/packages/empty`;
    const init = await ncpSigned(url, "DELETE", { ...NCP, secretKey: "wrong" });
    expect((await fetch(url, init)).status).toBe(401);
  });
});
