import type { Platform } from "@fnapi/ncf-client";
import { ncfConnection, platformLabel, platformSent } from "../clients.js";
import { defineCommand } from "../command.js";
import { LIST_FLAGS, listFilter, NCF_OLDER_THAN, refuseNcfAge } from "../list/filter.js";
import { tableText } from "../list/table.js";
import { PLATFORM } from "./shared.js";

// fnapi ncf list-packages: the platform's packages, filtered as prune filters them.

export default defineCommand({
  name: "ncf list-packages",
  args: [],
  connection: "ncf",
  summary: "list the platform's packages, filtered as prune filters them",
  description: `Lists the packages of a platform as a table (PACKAGE, DESCRIPTION) on stdout; --json: one object.
--match and --exclude select as fnapi ncf prune does: the same command with prune in place of list-packages
would plan to delete exactly these (each with its actions).`,
  flags: { platform: PLATFORM, ...LIST_FLAGS, "older-than": NCF_OLDER_THAN },
  examples: ['fnapi ncf list-packages --match "ci-*"', "fnapi ncf list-packages --platform classic --json"],
  async run(invocation) {
    const { command, flags, out } = invocation;
    refuseNcfAge(flags, command.name);
    const filter = listFilter(flags, command.name);
    const platform = flags.platform as Platform | undefined;
    const { client } = ncfConnection(invocation);
    const all = await client.listPackages({ ...(platform ? { platform } : {}), signal: invocation.signal });
    const packages = all.filter((p) => filter.name(p.name));
    out.result(
      {
        command: command.name,
        platform: platformSent(invocation) ?? null,
        criteria: filter.criteria,
        count: packages.length,
        packages,
      },
      tableText(
        ["PACKAGE", "DESCRIPTION"],
        packages.map((p) => [p.name, p.description ?? ""]),
        `no packages (${platformLabel(invocation)})`,
      ),
    );
  },
});
