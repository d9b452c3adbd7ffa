import { checkOptions } from "@fnapi/runtime";
import type { NcfContext } from "../context.js";
import type { components } from "../generated/ncf.js";
import { assertActionPackageName, assertPlatform, type Platform } from "../package-name.js";
import { checkActionList } from "./response-guards.js";

export type ActionSummary = components["schemas"]["ActionSummary"];

export interface ListActionsOptions {
  /** Default `vpc`, and always sent. */
  platform?: Platform;
  signal?: AbortSignal;
}

/** `GET /packages/{packageName}/actions`: the package's actions (`-`: the actions in no package). */
export async function listActions(
  { kit }: NcfContext,
  packageName: string,
  options?: ListActionsOptions,
): Promise<ActionSummary[]> {
  const { platform = "vpc", signal } = checkOptions(options, "listActions", { signal: "signal" });
  assertActionPackageName(packageName);
  assertPlatform(platform);
  const body = await kit.run(
    "get",
    "/packages/{packageName}/actions",
    { params: { path: { packageName }, query: { platform } } },
    { signal, idempotent: true, result: "json", operation: "listActions", check: checkActionList },
  );
  return body.content.actions;
}
