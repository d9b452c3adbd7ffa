import { fgsConnection } from "../clients.js";
import { defineCommand } from "../command.js";
import { LIST_FLAGS, listFilter } from "../list/filter.js";
import { functionUrn } from "../list/function-urn.js";
import { tableText } from "../list/table.js";

// fnapi fgs list-aliases <function>: its aliases and the versions they point to (which prune never deletes).

export default defineCommand({
  name: "fgs list-aliases",
  args: ["function"],
  connection: "fgs",
  summary: "list a function's aliases and the versions they point to",
  description: `Lists the aliases of a function (its URN, or its name) as a table (ALIAS, VERSION, WEIGHTS) on stdout;
--json: one object. A version an alias points to is never deleted by fnapi fgs prune --keep-versions.
Aliases carry no date: --match and --exclude select alias names.`,
  flags: { match: LIST_FLAGS.match, exclude: LIST_FLAGS.exclude },
  examples: ["fnapi fgs list-aliases api"],
  async run(invocation) {
    const { command, args, flags, out } = invocation;
    const filter = listFilter(flags, command.name);
    const { client } = fgsConnection(invocation);
    const urn = await functionUrn(client, args[0] as string, command.name, invocation.signal);
    const aliases = (await client.listAliases(urn, { signal: invocation.signal })).filter((a) =>
      filter.name(a.name),
    );
    const weights = (w: Record<string, number>) =>
      Object.entries(w)
        .map(([v, p]) => `${v}=${p}%`)
        .join(",") || "-";
    out.result(
      {
        command: command.name,
        function: urn,
        criteria: filter.criteria,
        count: aliases.length,
        aliases: aliases.map((a) => ({
          name: a.name,
          version: a.version,
          additionalVersions: a.additionalVersions,
        })),
      },
      tableText(
        ["ALIAS", "VERSION", "WEIGHTS"],
        aliases.map((a) => [a.name, a.version, weights(a.additionalVersions)]),
        "no aliases",
      ),
    );
  },
});
