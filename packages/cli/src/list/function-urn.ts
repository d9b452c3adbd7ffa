import type { FgsClient } from "@fnapi/fgs-client";
import { UsageError } from "../errors.js";
import { text } from "../text.js";

/**
 * The function a listing is about: a URN as given (the client checks it), or a name, looked up by listing the
 * project's functions (one of that name, in any package).
 */
export async function functionUrn(
  client: FgsClient,
  given: string,
  command: string,
  signal: AbortSignal,
): Promise<string> {
  if (given.startsWith("urn:")) return given;
  const found: string[] = [];
  for await (const fn of client.listFunctions({ signal })) if (fn.name === given) found.push(fn.urn);
  if (found.length === 1) return found[0] as string;
  throw new UsageError(
    found.length === 0
      ? text`no function named "${given}" in the project; fnapi fgs list-functions lists them`
      : text`${found.length} functions are named "${given}" (in different packages); give its URN`,
    command,
  );
}
