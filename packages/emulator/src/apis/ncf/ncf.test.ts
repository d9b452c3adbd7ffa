import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../server.js";
import { json, testSeed } from "../../test-support.js";

// NCF state rules over plain HTTP (authentication off: auth has its own tests).

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, seed: testSeed(), auth: "off" });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const call = (path: string, method = "DELETE") => fetch(`${emu.url}${path}`, { method });
const errorOf = async (r: Response) => ((await json(r)) as { error: { errorCode: string } }).error.errorCode;

describe("deletePackage", () => {
  it("deletes an empty package (204, empty body), then answers 404 80101", async () => {
    const first = await call("/ncf/api/v2/packages/empty?platform=vpc");
    expect(first.status).toBe(204);
    expect(await first.text()).toBe("");
    expect(first.headers.get("date")).toBeTruthy();
    const again = await call("/ncf/api/v2/packages/empty?platform=vpc");
    expect(again.status).toBe(404);
    expect(await errorOf(again)).toBe("80101");
    expect(emu.state().ncp.packages.map((p) => p.name)).not.toContain("empty");
  });

  it("refuses a package that still has actions with 409 80109, and keeps it", async () => {
    const r = await call("/ncf/api/v2/packages/package001");
    expect(r.status).toBe(409);
    expect(await json(r)).toEqual({
      error: {
        errorCode: "80109",
        message: "PACKAGE_NOT_EMPTY",
        details: "Package can't be deleted because it has actions associated with it",
      },
    });
    expect(emu.state().ncp.packages.some((p) => p.name === "package001")).toBe(true);
  });

  it("answers 400 80102 for a package that exists only on the other platform", async () => {
    const r = await call("/ncf/api/v2/packages/old?platform=vpc");
    expect(r.status).toBe(400);
    expect(await errorOf(r)).toBe("80102");
  });

  it("defaults platform to vpc under /ncf/api/v2 and to classic under v2.0's /api/v2", async () => {
    expect((await call("/ncf/api/v2/packages/old")).status).toBe(400);
    expect((await call("/api/v2/packages/old")).status).toBe(204);
    expect((await call("/api/v2/packages/empty")).status).toBe(400);
  });

  it("answers the spec's rules for bad parameters: 80102 for platform, 100 for the name", async () => {
    const platform = await call("/ncf/api/v2/packages/empty?platform=edge");
    expect(platform.status).toBe(400);
    expect(await errorOf(platform)).toBe("80102");
    for (const name of ["-lead", "a".repeat(51), "sp%20ace", "%E2%9C%93"]) {
      const r = await call(`/ncf/api/v2/packages/${name}`);
      expect(r.status, name).toBe(400);
      expect(await errorOf(r)).toBe("100");
    }
    const twice = await call("/ncf/api/v2/packages/empty?platform=vpc&platform=classic");
    expect(twice.status).toBe(400);
  });

  it("answers the gateway's 404 300 for an unknown path or method", async () => {
    for (const [path, method] of [
      ["/ncf/api/v2/nothing", "GET"],
      ["/ncf/api/v2/packages/empty", "PATCH"],
      ["/ncf/api/v2/packages/empty/", "DELETE"],
    ] as const) {
      const r = await call(path, method);
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(await errorOf(r)).toBe("300");
    }
  });
});

describe("getPackage and listActions", () => {
  it("returns the package with its action names", async () => {
    const r = await call("/ncf/api/v2/packages/package001?platform=vpc", "GET");
    expect(r.status).toBe(200);
    expect(await json(r)).toMatchObject({
      content: {
        name: "package001",
        platform: "vpc",
        description: "",
        parameters: {},
        actions: ["hello", "world"],
      },
    });
    expect((await call("/ncf/api/v2/packages/missing", "GET")).status).toBe(404);
    expect((await call("/ncf/api/v2/packages/old", "GET")).status).toBe(400);
  });

  it("lists actions, and `-` lists the actions in no package", async () => {
    const r = await call("/ncf/api/v2/packages/package001/actions", "GET");
    expect(await json(r)).toEqual({
      content: {
        actions: [
          { name: "hello", description: "", type: "basic", runtime: "nodejs:20" },
          { name: "world", description: "", type: "basic", runtime: "nodejs:20" },
        ],
      },
    });
    const loose = await json(await call("/ncf/api/v2/packages/-/actions", "GET"));
    expect(loose).toMatchObject({ content: { actions: [{ name: "loose", runtime: "python:3.11" }] } });
    const none = await json(await call("/ncf/api/v2/packages/-/actions?platform=classic", "GET"));
    expect(none).toEqual({ content: { actions: [] } });
  });
});

describe("deleteAction", () => {
  it("deletes actions until the package can be deleted", async () => {
    expect((await call("/ncf/api/v2/packages/package001/actions/hello")).status).toBe(204);
    const gone = await call("/ncf/api/v2/packages/package001/actions/hello");
    expect(gone.status).toBe(404);
    expect(await errorOf(gone)).toBe("80301");
    expect((await call("/ncf/api/v2/packages/package001")).status).toBe(409);
    expect((await call("/ncf/api/v2/packages/package001/actions/world")).status).toBe(204);
    expect((await call("/ncf/api/v2/packages/package001")).status).toBe(204);
  });

  it("answers 400 80302 for an action on the other platform, and for a bad platform", async () => {
    const r = await call("/ncf/api/v2/packages/package001/actions/hello?platform=classic");
    expect(r.status).toBe(400);
    expect(await errorOf(r)).toBe("80302");
    const bad = await call("/ncf/api/v2/packages/package001/actions/hello?platform=x");
    expect(await errorOf(bad)).toBe("80302");
  });

  it("deletes an action in no package through `-`", async () => {
    expect((await call("/ncf/api/v2/packages/-/actions/loose")).status).toBe(204);
  });
});
