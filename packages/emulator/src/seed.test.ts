import { describe, expect, it } from "vitest";
import { parseSeed, parseSeedText, SeedError } from "./seed.js";
import { FUNCTION_URN, testSeed } from "./test-support.js";

describe("parseSeed", () => {
  it("accepts the test seed and an empty document, filling every list", () => {
    expect(parseSeed(testSeed()).ncp.packages).toHaveLength(4);
    expect(parseSeed({})).toEqual({
      ncp: { credentials: [], packages: [], region: "kr", actionVersions: [] },
      huawei: { credentials: [], tokens: [], users: [], projects: [], functions: [] },
      oidc: {},
    });
  });

  it("reads YAML as well as JSON", () => {
    const state = parseSeedText("ncp:\n  packages:\n    - name: p1\n      platform: classic\n");
    expect(state.ncp.packages).toEqual([{ name: "p1", platform: "classic", actions: [] }]);
  });

  const cases: [unknown, string, RegExp][] = [
    [[], "(root)", /object/],
    [{ nope: 1 }, "(root).nope", /not a known field/],
    [{ ncp: { packages: [{ name: "-bad" }] } }, "ncp.packages[0].name", /package name/],
    [
      { ncp: { packages: [{ name: "p", platform: "edge" }] } },
      "ncp.packages[0].platform",
      /"vpc" or "classic"/,
    ],
    [{ ncp: { packages: [{ name: "p", actions: ["a", "a"] }] } }, "ncp.packages[0].actions[1]", /duplicates/],
    [{ ncp: { packages: [{ name: "p" }, { name: "p" }] } }, "ncp.packages[1]", /duplicates/],
    [{ ncp: { credentials: [{ accessKey: "a" }] } }, "ncp.credentials[0].secretKey", /non-empty string/],
    [
      { ncp: { credentials: [{ accessKey: "a", secretKey: "s", deny: "x" }] } },
      "ncp.credentials[0].deny",
      /array/,
    ],
    [{ huawei: { tokens: [{ token: "t", expiresAt: "soon" }] } }, "huawei.tokens[0].expiresAt", /ISO-8601/],
    [{ huawei: { functions: [{ urn: `${FUNCTION_URN}:v1` }] } }, "huawei.functions[0].urn", /7-field/],
    [
      { huawei: { functions: [{ urn: FUNCTION_URN, versions: ["latest"] }] } },
      "huawei.functions[0].versions[0]",
      /latest/,
    ],
    [
      { huawei: { functions: [{ urn: FUNCTION_URN, aliases: { prod: "v9" } }] } },
      "huawei.functions[0].aliases.prod",
      /versions/,
    ],
    [{ huawei: { users: [{ domain: "d", name: "n" }] } }, "huawei.users[0].password", /non-empty/],
    // The spec's FunctionUrn, not a copy that drifted: what the API and the client refuse, a seed refuses.
    [{ huawei: { functions: [{ urn: `${FUNCTION_URN}-` }] } }, "huawei.functions[0].urn", /FunctionUrn/],
    [
      { huawei: { functions: [{ urn: FUNCTION_URN.replace("cn-north-4", "cn--north") }] } },
      "huawei.functions[0].urn",
      /FunctionUrn/,
    ],
    [{ huawei: { projects: [{ id: "short", name: "r" }] } }, "huawei.projects[0].id", /ProjectId/],
  ];
  for (const [seed, field, rule] of cases) {
    it(`names ${field}`, () => {
      const error = (() => {
        try {
          parseSeed(seed);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(SeedError);
      expect((error as SeedError).field).toBe(field);
      expect((error as SeedError).rule).toMatch(rule);
      expect((error as SeedError).message).toBe(`${field}: ${(error as SeedError).rule}`);
    });
  }

  it("never puts a secret in its message", () => {
    expect(() => parseSeed({ ncp: { credentials: [{ accessKey: "a", secretKey: 42 }] } })).toThrow(
      /^ncp\.credentials\[0\]\.secretKey: must be a non-empty string$/,
    );
  });
});
