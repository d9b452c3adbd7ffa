import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatFunctionUrn, parseFunctionUrn } from "./urn.js";

const spec = parse(readFileSync(new URL("../../../specs/fgs.yaml", import.meta.url), "utf8"));
const specUrn = new RegExp(spec.components.schemas.FunctionUrn.pattern);
const projectId = "7aad83af3e8d42e99ac194e8419e2c9b";
const base = `urn:fss:cn-north-4:${projectId}:function:default`;

describe("function URNs", () => {
  it("formats and parses 7- and 8-field URNs", () => {
    expect(formatFunctionUrn({ region: "cn-north-4", projectId, name: "test" })).toBe(`${base}:test`);
    expect(
      formatFunctionUrn({ region: "cn-north-4", projectId, name: "test", version: "v20170830-181539" }),
    ).toBe(`${base}:test:v20170830-181539`);
    expect(
      formatFunctionUrn({ region: "cn-north-4", projectId, package: "pkg", name: "t", alias: "prod" }),
    ).toBe(`urn:fss:cn-north-4:${projectId}:function:pkg:t:!prod`);
    expect(parseFunctionUrn(`${base}:test:!prod`)).toEqual({
      region: "cn-north-4",
      projectId,
      package: "default",
      name: "test",
      alias: "prod",
    });
    expect(parseFunctionUrn(`${base}:test:v1`).version).toBe("v1");
  });

  const valid = [
    `${base}:test`,
    `${base}:a`,
    `${base}:f-1_x:latest`,
    `${base}:f:!a-b`,
    `${base}:${"a".repeat(60)}`,
  ];
  const invalid = [
    `${base}:1abc`,
    `${base}:abc-`,
    `${base}:${"a".repeat(61)}`,
    `${base}:test:!`,
    `${base}:test:!${"a".repeat(64)}`,
    `${base}:te/st`,
    `${base}:te%2Fst`,
    `${base}:test:v1:extra`,
    `urn:fss:cn-north-4:${projectId.slice(1)}:function:default:test`,
    `urn:fss:CN-north-4:${projectId}:function:default:test`,
    `urn:fss:cn-north-4:${projectId}:functions:default:test`,
    `urn:fss:cn-north-4:${projectId}:function::test`,
  ];
  it.each(valid)("accepts %s, as the spec's pattern does", (urn) => {
    expect(() => parseFunctionUrn(urn)).not.toThrow();
    expect(specUrn.test(urn)).toBe(true);
  });
  it.each(invalid)("refuses %s, as the spec's pattern does", (urn) => {
    expect(() => parseFunctionUrn(urn)).toThrow(/functionUrn/);
    expect(specUrn.test(urn)).toBe(false);
  });

  it("names the field and the rule", () => {
    expect(() => parseFunctionUrn(`${base}:1abc`)).toThrow(
      /functionUrn function name "1abc" is invalid; it must be at most 60 letters/,
    );
    expect(() =>
      formatFunctionUrn({ region: "cn-north-4", projectId, name: "x", version: "1", alias: "a" }),
    ).toThrow(/not both/);
  });
});
