import { fgsConnection } from "../clients.js";
import { defineCommand } from "../command.js";
import { LIST_FLAGS, listFilter } from "../list/filter.js";
import { functionUrn } from "../list/function-urn.js";
import { dateCell, tableText } from "../list/table.js";

// fnapi fgs list-versions <function>: its versions (latest and the published ones).

export default defineCommand({
  name: "fgs list-versions",
  args: ["function"],
  connection: "fgs",
  summary: "list a function's versions",
  description: `Lists the versions of a function (its URN, or its name) as a table (VERSION, LAST MODIFIED) on stdout;
--json: one object. --match selects version names (such as "v2026*") and --older-than by age, with prune's
rules; fnapi fgs prune --keep-versions N never deletes latest or a version an alias points to
(fnapi fgs list-aliases <function> shows those).`,
  flags: {
    ...LIST_FLAGS,
    match: 'only versions whose name matches this glob ("v2026*"); repeat it for more',
  },
  examples: ["fnapi fgs list-versions api", "fnapi fgs list-versions api --older-than 30d --json"],
  async run(invocation) {
    const { command, args, flags, out } = invocation;
    const filter = listFilter(flags, command.name);
    const { client } = fgsConnection(invocation);
    const urn = await functionUrn(client, args[0] as string, command.name, invocation.signal);
    const all = await client.listVersions(urn, { signal: invocation.signal });
    const versions = all.filter((v) => filter.name(v.version) && filter.age(v.lastModified));
    out.result(
      {
        command: command.name,
        function: urn,
        criteria: filter.criteria,
        count: versions.length,
        versions: versions.map((v) => ({
          version: v.version,
          urn: v.urn,
          lastModified: v.lastModified?.toISOString() ?? null,
        })),
      },
      tableText(
        ["VERSION", "LAST MODIFIED"],
        versions.map((v) => [v.version, dateCell(v.lastModified)]),
        "no versions",
      ),
    );
  },
});
