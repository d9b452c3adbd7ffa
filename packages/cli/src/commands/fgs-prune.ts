import { applyFgsPrune, type FgsPruneTarget, planFgsPrune } from "@fnapi/fgs-client/prune";
import { fgsConnection } from "../clients.js";
import { defineCommand } from "../command.js";
import { olderThanMs } from "../list/filter.js";
import { fgsPlanText, integerFlag, listingInvocation, PRUNE_FLAGS, prune } from "./prune-shared.js";

// fnapi fgs prune: the functions (or, with --keep-versions, their old versions) whose names match.

export default defineCommand({
  name: "fgs prune",
  args: [],
  connection: "fgs",
  summary: "delete the functions (or old versions) whose names match, after showing the plan",
  description: `Lists the project's functions (fnapi fgs list-functions with the same --match, --exclude and
--older-than shows them), keeps those whose name matches a --match glob and no --exclude glob
(and, with --older-than, last changed before then), prints the plan, asks (or takes --yes), deletes them
--concurrency at a time with one shared back-off for 429s, lists again to confirm, and reports. Already gone
counts as done: after SIGINT/SIGTERM, the same command again finishes the job.`,
  required: ["match"],
  flags: {
    ...PRUNE_FLAGS,
    "keep-versions":
      "delete only published versions beyond the newest N of each function (never latest, never a version an alias points to)",
  },
  examples: [
    'fnapi fgs prune --match "preview-*" --older-than 7d --dry-run',
    'fnapi fgs prune --match "api" --keep-versions 3 --yes --json',
  ],
  async run(invocation) {
    const { command, flags } = invocation;
    const keepVersions = integerFlag(flags, "keep-versions", command.name);
    olderThanMs(flags["older-than"], command.name); // its message names the flag
    // Every request on the client's send path: its retry strategy (one per client) retries 429s and 5xx,
    // honouring Retry-After, with one back-off for the whole run.
    const { client: fgs } = fgsConnection(listingInvocation(invocation));
    const label = (t: FgsPruneTarget) => (t.version ? `${t.name} ${t.version}` : t.name);
    await prune(
      invocation,
      () =>
        planFgsPrune(fgs, {
          match: flags.match ?? [],
          ...(flags.exclude ? { exclude: flags.exclude } : {}),
          ...(flags["older-than"] !== undefined ? { olderThan: flags["older-than"] } : {}),
          ...(keepVersions !== undefined ? { keepVersions } : {}),
          signal: invocation.signal,
        }),
      fgsPlanText,
      (plan, options) => applyFgsPrune(fgs, plan, options),
      label,
      keepVersions !== undefined ? "versions" : "functions",
    );
  },
});
