import { createFgsClient, createIamTokenProvider, FgsApiError } from "@fnapi/fgs-client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../server.js";
import { FUNCTION_URN, json, OTHER_PROJECT, PROJECT, testSeed } from "../../test-support.js";

// IAM createUserToken: password method, project scope by id or name; the tokens it issues are accepted by
// FunctionGraph for their project until they expire.

let now = Date.UTC(2026, 0, 15, 12, 0, 0);
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, seed: testSeed(), clock: () => now });
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.reset();
  now = Date.UTC(2026, 0, 15, 12, 0, 0);
});

function tokenRequest(project: { id?: string; name?: string }, password = "alice-password", query = "") {
  return fetch(`${emu.url}/v3/auth/tokens${query}`, {
    method: "POST",
    headers: { "Content-Type": "application/json;charset=utf8" },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ["password"],
          password: { user: { name: "alice", password, domain: { name: "example-domain" } } },
        },
        scope: { project },
      },
    }),
  });
}

describe("createUserToken", () => {
  it("answers 201 with X-Subject-Token and token.expires_at 24 hours later", async () => {
    const r = await tokenRequest({ name: "cn-north-4" }, "alice-password", "?nocatalog=true");
    expect(r.status).toBe(201);
    const token = r.headers.get("x-subject-token");
    expect(token).toMatch(/^MII/);
    const body = (await json(r)) as { token: Record<string, unknown> };
    expect(body.token).toMatchObject({
      expires_at: new Date(now + 24 * 3600_000).toISOString(),
      methods: ["password"],
      project: { id: PROJECT, name: "cn-north-4" },
      user: { name: "alice", domain: { name: "example-domain" } },
    });
    expect(body.token).not.toHaveProperty("catalog");
    expect(JSON.stringify(body)).not.toContain("alice-password");
    expect(JSON.stringify(emu.requests())).not.toContain("alice-password");
  });

  it("refuses a wrong password or user with 401, and a malformed body with 400", async () => {
    const wrong = await tokenRequest({ id: PROJECT }, "nope");
    expect(wrong.status).toBe(401);
    expect(await json(wrong)).toEqual({
      error: { code: 401, title: "Unauthorized", message: "The username or password is wrong." },
    });
    const malformed = await fetch(`${emu.url}/v3/auth/tokens`, { method: "POST", body: "{" });
    expect(malformed.status).toBe(400);
    expect((await tokenRequest({})).status).toBe(400);
    expect((await tokenRequest({ name: "nowhere-1" })).status).toBe(400);
  });

  it("issues tokens the FunctionGraph client uses until they expire, only for their project", async () => {
    const issued = await tokenRequest({ id: PROJECT });
    const token = issued.headers.get("x-subject-token") as string;
    const expiresAt = ((await json(issued)) as { token: { expires_at: string } }).token.expires_at;
    const fgs = createFgsClient({
      projectId: PROJECT,
      baseUrl: emu.url,
      token: async () => ({ token, expiresAt: new Date(expiresAt) }),
      maxAttempts: 1,
    });
    await fgs.deleteFunction(`${FUNCTION_URN}:v1`);

    const elsewhere = await tokenRequest({ id: OTHER_PROJECT });
    const otherToken = elsewhere.headers.get("x-subject-token") as string;
    const r = await fetch(`${emu.url}/v2/${PROJECT}/fgs/functions/${FUNCTION_URN}`, {
      method: "DELETE",
      headers: { "X-Auth-Token": otherToken },
    });
    expect(r.status).toBe(403);
    expect(await json(r)).toMatchObject({ error_code: "APIGW.0302" });

    now += 24 * 3600_000; // the token's expiry
    const late = createFgsClient({ projectId: PROJECT, baseUrl: emu.url, token, maxAttempts: 1 });
    const error = await late.deleteFunction(FUNCTION_URN).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FgsApiError);
    expect(error).toMatchObject({ status: 401, code: "APIGW.0301" });
  });

  it("serves @fnapi/auth's createIamTokenProvider: one token request, then FunctionGraph deletes", async () => {
    now = Date.now(); // the provider judges expiry by the real clock
    const token = createIamTokenProvider({
      domainName: "example-domain",
      userName: "alice",
      password: "alice-password",
      projectName: "cn-north-4",
      endpoint: emu.url,
    });
    const fgs = createFgsClient({ projectId: PROJECT, baseUrl: emu.url, token, maxAttempts: 1 });
    await fgs.deleteFunction(`${FUNCTION_URN}:v1`);
    await fgs.deleteFunction(`${FUNCTION_URN}:v2`);
    expect(emu.requests().map((r) => [r.operation, r.status])).toEqual([
      ["createUserToken", 201],
      ["deleteFunction", 204],
      ["deleteFunction", 204],
    ]);
  });
});
