import { describe, expect, it } from "vitest";
import { parseSeed } from "../../seed.js";
import { createUserToken, ISSUED_TOKEN_PREFIX, keptTokens, TOKEN_LIFETIME_MS } from "./backend.js";
import type { HuaweiToken } from "./state.js";

const PROJECT = "7aad83af3e8d42e99ac194e8419e2c9b";
const state = () =>
  parseSeed({
    huawei: {
      users: [{ domain: "d", name: "u", password: "p" }],
      projects: [{ id: PROJECT, name: "cn-north-4" }],
      tokens: [{ token: "MIIseeded", expiresAt: "2020-01-01T00:00:00Z" }],
    },
  });
const login = { domain: "d", user: "u", password: "p", project: { name: "cn-north-4" } };
const NOW = Date.parse("2026-01-01T00:00:00Z");

describe("IAM backend", () => {
  it("issues a scoped token into a new state, leaving the old one as it was", () => {
    const before = state();
    const issued = createUserToken(before, login, NOW, "abc");
    expect(issued).toMatchObject({ token: { token: `${ISSUED_TOKEN_PREFIX}abc`, projectId: PROJECT } });
    if ("error" in issued) throw new Error("refused");
    const after = structuredClone(before);
    issued.change(after);
    expect(after.huawei.tokens).toHaveLength(2);
    expect(before.huawei.tokens).toHaveLength(1);
    expect(createUserToken(before, { ...login, password: "x" }, NOW, "abc")).toEqual({
      error: "WrongCredentials",
    });
    expect(createUserToken(before, { ...login, project: { name: "mars-1" } }, NOW, "abc")).toMatchObject({
      error: "BadScope",
    });
  });

  it("drops expired issued tokens, keeps seeded ones, and caps the issued ones (oldest go first)", () => {
    const issued = (i: number, expiresAt: number): HuaweiToken => ({
      token: `${ISSUED_TOKEN_PREFIX}${i}`,
      expiresAt: new Date(expiresAt).toISOString(),
    });
    const seeded = { token: "MIIseeded", expiresAt: "2020-01-01T00:00:00Z" };
    const tokens = [
      seeded,
      issued(0, NOW - 1),
      ...[1, 2, 3, 4].map((i) => issued(i, NOW + TOKEN_LIFETIME_MS)),
    ];
    const kept = keptTokens(tokens, NOW, 3);
    expect(kept.map((t) => t.token)).toEqual([
      "MIIseeded",
      `${ISSUED_TOKEN_PREFIX}3`,
      `${ISSUED_TOKEN_PREFIX}4`,
    ]);
  });
});
