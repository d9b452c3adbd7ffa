import { checkOptions, ValidationError } from "@fnapi/runtime";
import type { FgsContext } from "../context.js";
import { ALREADY_GONE_CODES } from "../errors.js";
import { parseFunctionUrn } from "../urn.js";

export interface DeleteFunctionOptions {
  signal?: AbortSignal;
  /** Resolve when the function, version or alias is already gone (404 FSS.1051/1052/1053). */
  missingOk?: boolean;
}

/**
 * `DELETE /v2/{project_id}/fgs/functions/{function_urn}`: a 7-field URN deletes the function, an 8-field
 * one a version or the version an alias points to. Resolves on any 2xx (the body is never read).
 */
export async function deleteFunction(
  { kit, projectId, region, customHost }: FgsContext,
  functionUrn: string,
  options?: DeleteFunctionOptions,
): Promise<void> {
  const { signal, missingOk = false } = checkOptions(options, "deleteFunction", {
    signal: "signal",
    missingOk: "boolean",
  });
  const urn = parseFunctionUrn(functionUrn);
  if (urn.projectId !== projectId) {
    throw new ValidationError(
      "function_urn",
      `names project ${urn.projectId}`,
      `it must belong to the client's project ${projectId}`,
    );
  }
  if (!customHost && urn.region !== region) {
    throw new ValidationError(
      "function_urn",
      `names region ${urn.region}`,
      `it must be in the client's region ${region}`,
    );
  }
  if (urn.version === "latest") {
    throw new ValidationError(
      "function_urn",
      "names the version latest, which cannot be deleted",
      "pass the 7-field URN to delete the whole function",
    );
  }
  await kit.run(
    "delete",
    "/v2/{project_id}/fgs/functions/{function_urn}",
    { params: { path: { project_id: projectId, function_urn: functionUrn } } },
    {
      signal,
      idempotent: true,
      result: "none",
      alreadyGone: missingOk
        ? (error) => error.status === 404 && ALREADY_GONE_CODES.has(error.code ?? "")
        : undefined,
    },
  );
}
