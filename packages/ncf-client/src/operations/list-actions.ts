import { boundedList, checkOptions } from "@fnapi/runtime/internal";
import type { NcfContext } from "../context.js";
import type { components } from "../generated/ncf.js";
import { assertActionPackageName, assertPlatform, type Platform } from "../package-name.js";
import { checkActionList } from "./response-guards.js";

/** An action, as `listActions` returns it (specs/ncf.yaml, components.schemas.ActionSummary). */
export type ActionSummary = components["schemas"]["ActionSummary"];

/** Options of `listActions`. */
export interface ListActionsOptions {
  /** Default `vpc`, and always sent. */
  platform?: Platform;
  /** Aborts the call, retries and backoff included. */
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
  const { data } = await kit.call<{ content: { actions: ActionSummary[] } }>(
    { signal, idempotent: true, result: "json", operation: "listActions", check: checkActionList },
    (fetch) =>
      kit.client.GET("/packages/{packageName}/actions", {
        params: { path: { packageName }, query: { platform } },
        parseAs: "stream",
        fetch,
      }),
  );
  return [...boundedList("listActions", data.content.actions)];
}
