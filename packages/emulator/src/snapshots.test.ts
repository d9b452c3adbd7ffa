import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEmulator } from "./server.js";
import { json, testSeed } from "./test-support.js";

const dir = mkdtempSync(join(tmpdir(), "fnapi-emu-snapshots-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const names = (emu: { state(): { ncp: { packages: { name: string }[] } } }) =>
  emu.state().ncp.packages.map((p) => p.name);

describe("named snapshots", () => {
  it("saves and restores through the control API, writing the state file", async () => {
    const statePath = join(dir, "state.json");
    const emu = await startEmulator({ port: 0, seed: testSeed(), auth: "off", statePath });
    try {
      const control = (path: string, method = "POST") => fetch(`${emu.url}/_emulator${path}`, { method });
      expect((await control("/snapshots/before-cleanup")).status).toBe(201);
      await fetch(`${emu.url}/ncf/api/v2/packages/empty`, { method: "DELETE" });
      expect(names(emu)).not.toContain("empty");
      expect(await json(await control("/snapshots", "GET"))).toEqual(["before-cleanup"]);
      const restored = await control("/snapshots/before-cleanup/restore");
      expect(restored.status).toBe(200);
      expect(names(emu)).toContain("empty");
      expect(readFileSync(statePath, "utf8")).toContain('"empty"');
      expect((await control("/snapshots/nope/restore")).status).toBe(404);
      expect(await json(await control("/snapshots/bad%20name"))).toMatchObject({ error: { field: "name" } });
      expect((await control("/snapshots/before-cleanup", "DELETE")).status).toBe(204);
    } finally {
      await emu.close();
    }
  });

  it("saves and restores on the handle; a snapshot does not follow later changes", async () => {
    const emu = await startEmulator({ port: 0, seed: testSeed(), auth: "off" });
    try {
      emu.snapshot("seeded");
      await fetch(`${emu.url}/ncf/api/v2/packages/empty`, { method: "DELETE" });
      emu.snapshot("after");
      emu.restore("seeded");
      expect(names(emu)).toContain("empty");
      emu.restore("after");
      expect(names(emu)).not.toContain("empty");
      expect(() => emu.restore("missing")).toThrow(/no snapshot is named "missing"/);
    } finally {
      await emu.close();
    }
  });
});
