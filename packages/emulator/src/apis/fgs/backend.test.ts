import { describe, expect, it } from "vitest";
import { deleteFunction, type FgsError, type FunctionsChange } from "./backend.js";
import type { FgsFunction } from "./state.js";

const PROJECT = "7aad83af3e8d42e99ac194e8419e2c9b";
const URN = `urn:fss:cn-north-4:${PROJECT}:function:default:hello`;
const functions = (): FgsFunction[] => [
  { urn: URN, versions: ["v1", "v2"], aliases: { prod: "v1", dev: "latest" } },
  { urn: `${URN}2` },
];

function applied(list: FgsFunction[], outcome: FunctionsChange | FgsError): FgsFunction[] {
  if (typeof outcome !== "function") throw new Error(`refused: ${outcome.error}`);
  const next = structuredClone(list);
  outcome(next);
  return next;
}

describe("FunctionGraph backend", () => {
  it("deletes a function, a version with its aliases, or an alias's version, never changing its input", () => {
    const before = functions();
    const frozen = structuredClone(before);
    expect(applied(before, deleteFunction(before, URN, PROJECT))).toEqual([{ urn: `${URN}2` }]);
    expect(applied(before, deleteFunction(before, `${URN}:v1`, PROJECT))).toMatchObject([
      { versions: ["v2"], aliases: { dev: "latest" } },
      {},
    ]);
    expect(applied(before, deleteFunction(before, `${URN}:!prod`, PROJECT))).toMatchObject([
      { versions: ["v2"] },
      {},
    ]);
    expect(before).toEqual(frozen);
  });

  it("answers the domain errors", () => {
    expect(deleteFunction(functions(), URN, "0123456789abcdef0123456789abcdef")).toEqual({
      error: "ProjectMismatch",
    });
    expect(deleteFunction(functions(), `${URN}x`, PROJECT)).toEqual({ error: "FunctionNotFound" });
    expect(deleteFunction(functions(), `${URN}:!nope`, PROJECT)).toEqual({ error: "AliasNotFound" });
    expect(deleteFunction(functions(), `${URN}:v9`, PROJECT)).toEqual({ error: "VersionNotFound" });
    expect(deleteFunction(functions(), `${URN}:latest`, PROJECT)).toMatchObject({ error: "LatestRefused" });
    expect(deleteFunction(functions(), `${URN}:!dev`, PROJECT)).toMatchObject({ error: "LatestRefused" });
  });
});
