import type { Platform } from "@fnapi/ncf-client";
import { ncfConnection } from "../clients.js";
import { defineCommand } from "../command.js";
import { join } from "../text.js";
import { PLATFORM } from "./shared.js";

// fnapi ncf list-actions <package>: one name a line (escaped: names come from the server), or --json.

export default defineCommand({
  name: "ncf list-actions",
  args: ["package"],
  connection: "ncf",
  summary: 'list a package\'s actions ("-": the actions in no package)',
  description: `Lists the actions of an NCF package, one name a line on stdout (--json: their summaries). The package "-"
holds the actions that belong to no package.`,
  flags: { platform: PLATFORM },
  async run(invocation) {
    const { command, args, flags, out } = invocation;
    const name = args[0] as string;
    const platform = (flags.platform ?? "vpc") as Platform;
    const { client } = ncfConnection(invocation);
    const actions = await client.listActions(name, { platform, signal: invocation.signal });
    out.result(
      { command: command.name, package: name, platform, actions },
      join(actions.map((action) => action.name)),
    );
  },
});
