import type { Platform } from "@fnapi/ncf-client";
import { ncfConnection, platformLabel, platformSent } from "../clients.js";
import { defineCommand } from "../command.js";
import { dryRunText, stepsOf } from "../plan.js";
import { text } from "../text.js";
import { DRY_RUN_NCF, PLATFORM } from "./shared.js";

// fnapi ncf delete-action <package> <action>.

export default defineCommand({
  name: "ncf delete-action",
  args: ["package", "action"],
  connection: "ncf",
  summary: "delete one action",
  description: `Deletes one NCF action ("-" as <package>: an action in no package). The transient subnet states
(500 81313/81314) are retried.`,
  flags: {
    platform: PLATFORM,
    "missing-ok": "an action that is already gone (404 80301) is a success (exit 0)",
    "dry-run": DRY_RUN_NCF,
  },
  async run(invocation) {
    const { command, args, flags, out } = invocation;
    const [pkg, action] = args as [string, string];
    // Not given: the client's default (vpc), or none in the finance and government zones (never sent there).
    const platform = flags.platform as Platform | undefined;
    const shown = platformLabel(invocation);
    const missingOk = flags["missing-ok"] === true;
    const { client, planned } = ncfConnection(invocation);
    const base = { command: command.name, package: pkg, action, platform: platformSent(invocation) ?? null };
    const result = await client.deleteAction(pkg, action, {
      ...(platform ? { platform } : {}),
      missingOk,
      signal: invocation.signal,
    });
    if (planned) {
      const steps = stepsOf(planned);
      out.result({ ...base, dryRun: true, missingOk, requests: steps }, dryRunText(steps));
      return;
    }
    out.result(
      { ...base, ...result },
      result.alreadyGone
        ? text`action ${pkg}/${action} (${shown}) was already gone`
        : text`deleted action ${pkg}/${action} (${shown})`,
    );
  },
});
