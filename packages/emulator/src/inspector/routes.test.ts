import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../server.js";
import { NCP, TOKEN, testSeed } from "../test-support.js";

// The inspector's HTTP side: the page behind the control API's guard (Host, Origin, Sec-Fetch-Site), its data
// behind the control token too, a strict CSP on every answer, no secret in the state view, HAR.

const CONTROL_TOKEN = "inspector-control-token";

describe("inspector routes", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, seed: testSeed(), controlToken: CONTROL_TOKEN });
  });
  afterAll(() => emu.close());
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${emu.url}/_emulator${path}`, { headers });
  const withToken = { Authorization: `Bearer ${CONTROL_TOKEN}` };

  it("serves the page with a strict CSP; refuses a foreign Host, Origin or cross-site fetch", async () => {
    const page = await get("/ui");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toMatch(/^default-src 'self';/);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<script type="module" src="/_emulator/ui/app.js">');
    for (const file of ["/ui/app.js", "/ui/app.css", "/ui/icon.svg"])
      expect((await get(file)).status).toBe(200);
    const { request } = await import("node:http");
    const status = (headers: Record<string, string>) =>
      new Promise<number>((done, fail) => {
        const u = new URL(`${emu.url}/_emulator/ui`);
        request({ host: u.hostname, port: u.port, path: u.pathname, headers }, (res) => {
          res.resume();
          done(res.statusCode ?? 0);
        })
          .on("error", fail)
          .end();
      });
    expect(await status({ Host: "evil.example:80" })).toBe(403);
    expect(await get("/ui", { Origin: "http://evil.example" }).then((r) => r.status)).toBe(403);
    expect(await get("/ui", { "Sec-Fetch-Site": "cross-site" }).then((r) => r.status)).toBe(403);
    expect(
      await get("/inspector/state", { ...withToken, Origin: "http://evil.example" }).then((r) => r.status),
    ).toBe(403);
  });

  it("answers data only with the control token, never in a query string", async () => {
    expect((await get("/inspector/state")).status).toBe(401);
    expect((await get(`/inspector/state?token=${CONTROL_TOKEN}`)).status).toBe(401);
    expect((await get("/inspector/requests?after=0")).status).toBe(401);
    expect((await get("/inspector/har")).status).toBe(401);
    const state = await get("/inspector/state", withToken);
    expect(state.status).toBe(200);
    const text = await state.text();
    for (const secret of [NCP.secretKey, TOKEN, "alice-password", "huawei-test-sk"])
      expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({
      ncf: { packages: expect.arrayContaining([{ name: "package001", platform: "vpc", actions: 2 }]) },
      iam: {
        users: [{ domain: "example-domain", name: "alice" }],
        tokens: expect.arrayContaining([{ token: "****", expiresAt: "2100-01-01T00:00:00Z", projectId: "" }]),
      },
    });
  });

  it("long-polls the log, keeps the delete history and exports HAR", async () => {
    const waiting = get("/inspector/requests?after=0&wait=20", withToken);
    await fetch(`${emu.url}/ncf/api/v2/packages/empty?platform=vpc`, { method: "DELETE" });
    const page = (await (await waiting).json()) as { records: { path: string }[]; next: number };
    expect(page.records[0]?.path).toBe("/ncf/api/v2/packages/empty");
    expect((await get(`/inspector/requests?after=0&wait=26`, withToken)).status).toBe(400);
    const har = (await (await get("/inspector/har", withToken)).json()) as {
      log: {
        version: string;
        entries: { request: { url: string; queryString: unknown[] }; response: { status: number } }[];
      };
    };
    expect(har.log.version).toBe("1.2");
    expect(har.log.entries[0]?.request.url).toBe(`${emu.url}/ncf/api/v2/packages/empty?platform=vpc`);
    expect(har.log.entries[0]?.request.queryString).toEqual([{ name: "platform", value: "vpc" }]);
    expect(har.log.entries[0]?.response.status).toBe(401);
  });
});
