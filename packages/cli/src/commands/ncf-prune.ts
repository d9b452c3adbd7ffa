import { applyNcfPrune, type NcfPruneTarget, planNcfPrune } from "@fnapi/ncf-client/prune";
import { ncfConnection, platformLabel, platformSent } from "../clients.js";
import { defineCommand } from "../command.js";
import { UsageError } from "../errors.js";
import { NCF_OLDER_THAN, refuseNcfAge } from "../list/filter.js";
import { text } from "../text.js";
import { listingInvocation, ncfPlanText, PRUNE_FLAGS, prune } from "./prune-shared.js";
import { PLATFORM } from "./shared.js";

// fnapi ncf prune: the packages whose names match, each with its actions (the cascade).

export default defineCommand({
  name: "ncf prune",
  args: [],
  connection: "ncf",
  summary: "delete the packages whose names match, with their actions, after showing the plan",
  description: `Lists the platform's packages (fnapi ncf list-packages with the same --match and --exclude shows
them), keeps those whose name matches a --match glob and no --exclude glob,
prints the plan, asks (or takes --yes), deletes each with its actions (the cascade) --concurrency at a time
with one shared back-off for 429s, lists again to confirm, and reports. Already gone counts as done: after
SIGINT/SIGTERM, the same command again finishes the job.`,
  required: ["match"],
  flags: { ...PRUNE_FLAGS, "older-than": NCF_OLDER_THAN, platform: PLATFORM },
  examples: ['fnapi ncf prune --match "ci-*" --exclude "ci-keep" --yes'],
  async run(invocation) {
    const { command, flags } = invocation;
    refuseNcfAge(flags, command.name);
    if (flags.platform !== undefined && flags.platform !== "vpc" && flags.platform !== "classic") {
      throw new UsageError(text`--platform is "${flags.platform}"; it must be vpc or classic`, command.name);
    }
    // The platform it sends, shown in the plan: --platform, vpc by default, none in a zone without one.
    const platform = platformSent(invocation) as "vpc" | "classic" | undefined;
    // Every request on the client's send path: its retry strategy retries 429s and 5xx (inside the cascade
    // too, after actions already went), with one back-off for the whole run.
    const { client: ncf } = ncfConnection(listingInvocation(invocation));
    await prune(
      invocation,
      () =>
        planNcfPrune(ncf, {
          match: flags.match ?? [],
          ...(flags.exclude ? { exclude: flags.exclude } : {}),
          ...(platform ? { platform } : {}),
          signal: invocation.signal,
        }),
      (plan) => ncfPlanText(plan, platformLabel(invocation)),
      (plan, options) => applyNcfPrune(ncf, plan, options),
      (t: NcfPruneTarget) => t.name,
      "packages",
    );
  },
});
