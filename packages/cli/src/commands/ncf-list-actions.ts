import type { Platform } from "@fnapi/ncf-client";
import { ncfConnection, platformLabel, platformSent } from "../clients.js";
import { defineCommand } from "../command.js";
import { LIST_FLAGS, listFilter, NCF_OLDER_THAN, refuseNcfAge } from "../list/filter.js";
import { tableText } from "../list/table.js";
import { PLATFORM } from "./shared.js";

// fnapi ncf list-actions <package>: a table of its actions (escaped: names come from the server), or --json.

const cell = (value: unknown): string =>
  typeof value === "string" ? value : value === undefined ? "" : JSON.stringify(value);

export default defineCommand({
  name: "ncf list-actions",
  args: ["package"],
  connection: "ncf",
  summary: 'list a package\'s actions ("-": the actions in no package)',
  description: `Lists the actions of an NCF package as a table (ACTION, RUNTIME) on stdout; --json: one object. The
package "-" holds the actions that belong to no package. This is what fnapi ncf delete-package <package>
--cascade (and ncf prune) would delete with the package.`,
  flags: {
    platform: PLATFORM,
    match: "only actions whose name matches this glob (* and ?, quoted); repeat it for more",
    exclude: LIST_FLAGS.exclude,
    "older-than": NCF_OLDER_THAN,
  },
  examples: ["fnapi ncf list-actions ci-run-1234", "fnapi ncf list-actions - --json"],
  async run(invocation) {
    const { command, args, flags, out } = invocation;
    refuseNcfAge(flags, command.name);
    const filter = listFilter(flags, command.name);
    const name = args[0] as string;
    const platform = flags.platform as Platform | undefined;
    const { client } = ncfConnection(invocation);
    const all = await client.listActions(name, {
      ...(platform ? { platform } : {}),
      signal: invocation.signal,
    });
    const actions = all.filter((a) => filter.name(a.name));
    out.result(
      {
        command: command.name,
        package: name,
        platform: platformSent(invocation) ?? null,
        criteria: filter.criteria,
        count: actions.length,
        actions,
      },
      tableText(
        ["ACTION", "RUNTIME"],
        actions.map((a) => [a.name, cell(a.runtime)]),
        `no actions in ${name} (${platformLabel(invocation)})`,
      ),
    );
  },
});
