import { buildRequest, send } from "@fnapi/runtime";
import { boundedList, checkOptions, coreOf } from "@fnapi/runtime/internal";
import type { components, paths } from "../generated/ncf.js";
import type { Ncf } from "../ncf.js";
import { assertActionPackageName, assertPlatform, type Platform } from "../package-name.js";
import { defaultPlatform } from "../zones.js";
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
  ncf: Ncf,
  packageName: string,
  options?: ListActionsOptions,
): Promise<ActionSummary[]> {
  const { platform = defaultPlatform(ncf.zone), signal } = checkOptions(options, "listActions", {
    signal: "signal",
  });
  assertActionPackageName(packageName);
  assertPlatform(platform);
  const core = coreOf(ncf);
  const { data } = await send<{ content: { actions: ActionSummary[] } }>(
    core,
    buildRequest<paths, "/packages/{packageName}/actions", "get">(
      core,
      "get",
      "/packages/{packageName}/actions",
      { path: { packageName }, query: { platform } },
    ),
    { signal, idempotent: true, result: "json", operation: "listActions", check: checkActionList },
  );
  return [...boundedList("listActions", data.content.actions)];
}
