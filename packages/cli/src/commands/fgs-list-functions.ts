import { fgsConnection } from "../clients.js";
import { defineCommand } from "../command.js";
import { LIST_FLAGS, listFilter } from "../list/filter.js";
import { dateCell, tableText } from "../list/table.js";

// fnapi fgs list-functions: every function of the project (all pages), filtered as prune filters them.

export default defineCommand({
  name: "fgs list-functions",
  args: [],
  connection: "fgs",
  summary: "list the project's functions (all pages), filtered as prune filters them",
  description: `Lists the project's functions, page after page, as a table (NAME, PACKAGE, LAST MODIFIED) on stdout;
--json: one object with every page merged. --match, --exclude and --older-than select as fnapi fgs prune
does: the same command with prune in place of list-functions would plan to delete exactly these.`,
  flags: { ...LIST_FLAGS },
  examples: [
    'fnapi fgs list-functions --match "preview-*" --older-than 7d',
    "fnapi fgs list-functions --json",
  ],
  async run(invocation) {
    const { command, flags, out } = invocation;
    const filter = listFilter(flags, command.name);
    const { client } = fgsConnection(invocation);
    const functions = [];
    for await (const fn of client.listFunctions({ signal: invocation.signal })) {
      if (filter.name(fn.name) && filter.age(fn.lastModified)) functions.push(fn);
    }
    out.result(
      {
        command: command.name,
        criteria: filter.criteria,
        count: functions.length,
        functions: functions.map((f) => ({
          name: f.name,
          package: f.package,
          urn: f.urn,
          lastModified: f.lastModified?.toISOString() ?? null,
        })),
      },
      tableText(
        ["NAME", "PACKAGE", "LAST MODIFIED"],
        functions.map((f) => [f.name, f.package, dateCell(f.lastModified)]),
        "no functions",
      ),
    );
  },
});
