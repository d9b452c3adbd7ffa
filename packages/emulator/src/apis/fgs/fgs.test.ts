import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../server.js";
import { FUNCTION_URN, json, OTHER_PROJECT, PROJECT, testSeed } from "../../test-support.js";

// FunctionGraph state rules over plain HTTP (authentication off).

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, seed: testSeed(), auth: "off" });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const del = (urn: string, project = PROJECT) =>
  fetch(`${emu.url}/v2/${project}/fgs/functions/${urn}`, { method: "DELETE" });
const codeOf = async (r: Response) => ((await json(r)) as { error_code: string }).error_code;
const hello = () => emu.state().huawei.functions.find((f) => f.urn === FUNCTION_URN);

describe("deleteFunction", () => {
  it("a 7-field URN deletes the function with its versions and aliases; again is 404 FSS.1051", async () => {
    const r = await del(FUNCTION_URN);
    expect(r.status).toBe(204);
    expect(await r.text()).toBe("");
    expect(hello()).toBeUndefined();
    const again = await del(FUNCTION_URN);
    expect(again.status).toBe(404);
    expect(await json(again)).toEqual({ error_code: "FSS.1051", error_msg: "Function does not exist" });
  });

  it("a version URN deletes that version and the aliases pointing to it", async () => {
    expect((await del(`${FUNCTION_URN}:v2`)).status).toBe(204);
    expect(hello()).toMatchObject({ versions: ["v1", "v3"], aliases: { prod: "v1", dev: "latest" } });
    const again = await del(`${FUNCTION_URN}:v2`);
    expect(again.status).toBe(404);
    expect(await codeOf(again)).toBe("FSS.1052");
  });

  it("an alias URN deletes the version it points to, and that version's aliases", async () => {
    expect((await del(`${FUNCTION_URN}:!prod`)).status).toBe(204);
    expect(hello()).toMatchObject({ versions: ["v2", "v3"], aliases: { beta: "v2", dev: "latest" } });
    const again = await del(`${FUNCTION_URN}:!prod`);
    expect(again.status).toBe(404);
    expect(await codeOf(again)).toBe("FSS.1053");
  });

  it("refuses latest, directly or through an alias, with 400 FSS.1015", async () => {
    for (const urn of [`${FUNCTION_URN}:latest`, `${FUNCTION_URN}:!dev`]) {
      const r = await del(urn);
      expect(r.status, urn).toBe(400);
      expect(await codeOf(r)).toBe("FSS.1015");
    }
    expect(hello()?.versions).toEqual(["v1", "v2", "v3"]);
  });

  it("a version or alias of a missing function is FSS.1051", async () => {
    const missing = FUNCTION_URN.replace(":hello", ":nope");
    expect(await codeOf(await del(`${missing}:v1`))).toBe("FSS.1051");
  });

  it("accepts a percent-encoded URN like a raw one", async () => {
    expect((await del(encodeURIComponent(`${FUNCTION_URN}:!beta`))).status).toBe(204);
  });

  it("answers 400 FSS.0400 for a URN that breaks the spec's rule or names another project", async () => {
    for (const urn of ["not-a-urn", `${FUNCTION_URN}:!`, FUNCTION_URN.replace(PROJECT, "short")]) {
      const r = await del(urn);
      expect(r.status, urn).toBe(400);
      expect(await codeOf(r)).toBe("FSS.0400");
    }
    const other = await del(FUNCTION_URN, OTHER_PROJECT);
    expect(other.status).toBe(400);
    expect(await codeOf(other)).toBe("FSS.0400");
  });

  it("answers the gateway's APIGW.0101 for an unknown path, with a request_id", async () => {
    const r = await fetch(`${emu.url}/v2/${PROJECT}/fgs/nothing`);
    expect(r.status).toBe(404);
    expect(await json(r)).toMatchObject({
      error_code: "APIGW.0101",
      request_id: r.headers.get("x-request-id"),
    });
  });
});
