import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { assertPackageName, assertPlatform, PACKAGE_NAME_PATTERN, PLATFORMS } from "./package-name.js";

const spec = parse(readFileSync(new URL("../../../specs/ncf.yaml", import.meta.url), "utf8"));

describe("packageName and platform rules", () => {
  it("match specs/ncf.yaml", () => {
    expect(PACKAGE_NAME_PATTERN.source).toBe(spec.components.schemas.PackageName.pattern);
    expect(spec.components.schemas.PackageName.maxLength).toBe(50);
    expect(PLATFORMS).toEqual(spec.components.schemas.Platform.enum);
  });

  it.each(["package001", "_x", "a-b_c", "A".repeat(50), "0"])("accepts %s", (name) => {
    expect(() => assertPackageName(name)).not.toThrow();
  });

  it.each([
    ["", /is empty/],
    ["-", /starts with "-"/],
    ["a".repeat(51), /is 51 characters long/],
    ["a/b", /contains "\/" at position 1/],
    ["..", /contains "\." at position 0/],
    ["a%2Fb", /contains "%"/],
    ["a?b", /contains "\?"/],
    ["a#b", /contains "#"/],
    ["名前", /contains "名"/],
    ["a\nb", /contains "\\n"/],
  ])("refuses %j naming the problem and the rule", (name, problem) => {
    expect(() => assertPackageName(name)).toThrow(problem);
    expect(() => assertPackageName(name)).toThrow(/must be 1–50 English letters, digits/);
  });

  it("refuses an unknown platform", () => {
    expect(() => assertPlatform("gov")).toThrow(/platform is "gov"; it must be "vpc" or "classic"/);
  });
});
