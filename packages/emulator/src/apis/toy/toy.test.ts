import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, expectTypeOf, it } from "vitest";
import { startEmulatorWith } from "../../server.js";
import { bundledSpecsDir } from "../../spec-catalog.js";
import { json } from "../../test-support.js";
import { API_MODULES } from "../index.js";
import { toy } from "./index.js";

// A third cloud is one folder (./index.ts) and one registry line (below): routed from its spec, its own
// authentication, error body, seed section with a rule from its spec, and a state change written first.

const specsDir = mkdtempSync(join(tmpdir(), "fnapi-emu-toy-"));
afterAll(() => rmSync(specsDir, { recursive: true, force: true }));
cpSync(bundledSpecsDir(), specsDir, { recursive: true });
writeFileSync(
  join(specsDir, "toy.json"),
  JSON.stringify({
    openapi: "3.1.0",
    info: { title: "Toy", version: "1" },
    servers: [{ url: "http://toy.example/toy/v1" }],
    security: [{ toyKey: [] }],
    paths: {
      "/widgets/{name}": {
        delete: {
          operationId: "deleteWidget",
          parameters: [
            { name: "name", in: "path", required: true, schema: { $ref: "#/components/schemas/WidgetName" } },
          ],
          responses: { "204": { description: "deleted" } },
        },
      },
    },
    components: {
      securitySchemes: { toyKey: { type: "apiKey", in: "header", name: "X-Toy-Key" } },
      schemas: { WidgetName: { type: "string", pattern: "^[a-z]{1,10}$" } },
    },
  }),
);

const modules = [...API_MODULES, toy]; // the registry line

describe("a third cloud module", () => {
  it("is served from its spec with its own auth, errors, seed rules and state", async () => {
    const statePath = join(specsDir, "state.json");
    const emu = await startEmulatorWith(modules, {
      port: 0,
      specsDir,
      statePath,
      seed: { toy: { keys: ["k1"], widgets: ["gear", "cog"] } },
    });
    try {
      const url = `${emu.url}/toy/v1/widgets`;
      expect((await fetch(`${url}/gear`, { method: "DELETE" })).status).toBe(401);
      const gone = await fetch(`${url}/nut`, { method: "DELETE", headers: { "X-Toy-Key": "k1" } });
      expect(await json(gone)).toEqual({ fault: { code: "NO_WIDGET", text: "NO_WIDGET" } });
      expect((await fetch(`${url}/gear`, { method: "DELETE", headers: { "X-Toy-Key": "k1" } })).status).toBe(
        204,
      );
      expect(emu.state().toy.widgets).toEqual(["cog"]); // typed by the registry line: no cast
      expectTypeOf(emu.state().toy.widgets).toEqualTypeOf<string[]>();
      expectTypeOf(emu.state().ncp.packages[0]?.platform).toEqualTypeOf<"vpc" | "classic" | undefined>();
      // @ts-expect-error a field the toy module does not declare
      emu.state().toy.gadgets;
      expect(emu.operations().find((o) => o.api === "toy")).toMatchObject({
        operationId: "deleteWidget",
        handled: true,
      });
      emu.setState({ ncp: {}, toy: { widgets: ["ok"] } });
      expect(() => emu.setState({ toy: { widgets: ["Not-OK"] } })).toThrow(/toy\.widgets\[0\].*WidgetName/);
    } finally {
      await emu.close();
    }
  });
});
