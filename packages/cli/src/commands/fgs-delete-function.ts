import { parseFunctionUrn } from "@fnapi/fgs-client";
import { fgsConnection } from "../clients.js";
import { defineCommand } from "../command.js";
import { dryRunText, stepsOf } from "../plan.js";
import { type Text, text } from "../text.js";

// fnapi fgs delete-function <urn>. The client checks the URN, and that it names the client's project (and,
// without --base-url, its region), before anything is sent.

export default defineCommand({
  name: "fgs delete-function",
  args: ["urn"],
  connection: "fgs",
  summary: "delete a function, a version, or the version an alias points to",
  description: `Deletes a FunctionGraph function (7-field URN), one version (8 fields), or the version an alias points to
(:!alias); with 8 fields the function and its other versions stay. The URN must be in the project of the
credentials (or --project-id) and, without --base-url, in --region.
  urn:fss:<region>:<project_id>:function:<package>:<name>[:<version>|:!<alias>]`,
  flags: {
    "missing-ok":
      "a function, version or alias that is already gone (404 FSS.1051/1052/1053) is a\nsuccess (exit 0)",
    "dry-run":
      "check everything (the URN, its project and region, flags, credentials found) and print\nthe request it would send; nothing is sent",
  },
  async run(invocation) {
    const { command, args, flags, out } = invocation;
    const urn = args[0] as string;
    const parts = parseFunctionUrn(urn); // the URN's own rules first: a clearer error than missing credentials
    const target = targetOf(parts);
    const missingOk = flags["missing-ok"] === true;
    const { client, planned } = fgsConnection(invocation);
    const result = await client.deleteFunction(urn, { missingOk, signal: invocation.signal });
    if (planned) {
      const steps = stepsOf(planned);
      out.result(
        { command: command.name, urn, dryRun: true, missingOk, requests: steps },
        dryRunText(steps, text`deleting ${target}`),
      );
      return;
    }
    out.result(
      { command: command.name, urn, ...result },
      result.alreadyGone ? text`${target} was already gone` : text`deleted ${target}`,
    );
  },
});

/** What the URN names: the function, or one version of it (which never reads as the whole function). */
function targetOf(parts: ReturnType<typeof parseFunctionUrn>): Text {
  const fn = text`function ${parts.package}/${parts.name}`;
  if (parts.alias !== undefined) {
    return text`the version of ${fn} that alias ${parts.alias} points to (the function and its other versions stay)`;
  }
  if (parts.version !== undefined) {
    return text`version ${parts.version} of ${fn} (the function and its other versions stay)`;
  }
  return fn;
}
