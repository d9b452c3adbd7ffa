import { buildRequest, type DeleteResult, ValidationError } from "@fnapi/runtime";
import { checkOptions, coreOf, sendWith } from "@fnapi/runtime/internal";
import { isGone } from "../errors.js";
import type { Fgs } from "../fgs.js";
import type { paths } from "../generated/fgs.js";
import { parseFunctionUrn } from "../urn.js";

/** Options of `deleteFunction`. */
export interface DeleteFunctionOptions {
  /** Aborts the call, retries and backoff included. */
  signal?: AbortSignal;
  /** Resolve (with `alreadyGone: true`) when the function, version or alias is already gone (404 FSS.1051/1052/1053). */
  missingOk?: boolean;
}

/**
 * `DELETE /v2/{project_id}/fgs/functions/{function_urn}`: a 7-field URN deletes the function, an 8-field
 * one a version or the version an alias points to. Resolves on any 2xx (the body is never read).
 */
export async function deleteFunction(
  fgs: Fgs,
  functionUrn: string,
  options?: DeleteFunctionOptions,
): Promise<DeleteResult> {
  const { signal, missingOk = false } = checkOptions(options, "deleteFunction", {
    signal: "signal",
    missingOk: "boolean",
  });
  const { projectId, region, customHost } = fgs;
  const urn = parseFunctionUrn(functionUrn);
  if (urn.projectId !== projectId) {
    throw new ValidationError(
      "functionUrn",
      `names project ${urn.projectId}`,
      `it must belong to the client's project ${projectId}`,
    );
  }
  if (!customHost && urn.region !== region) {
    throw new ValidationError(
      "functionUrn",
      `names region ${urn.region}`,
      `it must be in the client's region ${region}`,
    );
  }
  if (urn.version === "latest") {
    throw new ValidationError(
      "functionUrn",
      "names the version latest, which cannot be deleted",
      "pass the 7-field URN to delete the whole function",
    );
  }
  const core = coreOf(fgs);
  const { alreadyGone, attempts, requestId } = await sendWith(
    core,
    buildRequest<paths, "/v2/{project_id}/fgs/functions/{function_urn}", "delete">(
      core,
      "delete",
      "/v2/{project_id}/fgs/functions/{function_urn}",
      { path: { project_id: projectId, function_urn: functionUrn } },
    ),
    { signal, idempotent: true, result: "none", alreadyGone: missingOk ? isGone : undefined },
  );
  return { alreadyGone, attempts, requestId };
}
