import { describe, expect, it } from "vitest";
import {
  deleteAction,
  deletePackage,
  getPackage,
  listActions,
  type NcfError,
  type NcpChange,
} from "./backend.js";
import type { NcpSection } from "./state.js";

// The NCF backend without a server: outcomes and domain errors, and the input never changes.

/** The section after a change, applied to a copy. */
function applied(section: NcpSection, outcome: NcpChange | NcfError): NcpSection {
  if (typeof outcome !== "function") throw new Error(`refused: ${outcome.error}`);
  const next = structuredClone(section);
  outcome(next);
  return next;
}

const ncp = (): NcpSection => ({
  credentials: [],
  packages: [
    { name: "full", platform: "vpc", actions: ["a", { name: "b", runtime: "python:3.11" }] },
    { name: "empty", platform: "vpc", actions: [] },
    { name: "old", platform: "classic", actions: [] },
  ],
});

describe("NCF backend", () => {
  it("deletes an empty package and leaves the input as it was", () => {
    const before = ncp();
    const frozen = structuredClone(before);
    const after = applied(before, deletePackage(before, "empty", "vpc"));
    expect(after).toMatchObject({ packages: [{ name: "full" }, { name: "old" }] });
    expect(before).toEqual(frozen);
  });

  it("answers the domain errors", () => {
    expect(deletePackage(ncp(), "full", "vpc")).toEqual({ error: "PackageNotEmpty" });
    expect(deletePackage(ncp(), "none", "vpc")).toEqual({ error: "PackageNotFound" });
    expect(getPackage(ncp(), "old", "vpc")).toEqual({ error: "PackagePlatformMismatch" });
    expect(deleteAction(ncp(), "full", "a", "classic")).toEqual({ error: "ActionPlatformMismatch" });
    expect(deleteAction(ncp(), "full", "z", "vpc")).toEqual({ error: "ActionNotFound" });
  });

  it("lists and deletes actions", () => {
    expect(listActions(ncp(), "full", "vpc")).toEqual([{ name: "a" }, { name: "b", runtime: "python:3.11" }]);
    expect(listActions(ncp(), "-", "vpc")).toEqual([]);
    const after = applied(ncp(), deleteAction(ncp(), "full", "a", "vpc"));
    expect(after).toMatchObject({ packages: [{ name: "full", actions: [{ name: "b" }] }, {}, {}] });
  });
});
