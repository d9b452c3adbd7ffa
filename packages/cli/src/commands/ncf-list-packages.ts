import type { Platform } from "@fnapi/ncf-client";
import { ncfConnection } from "../clients.js";
import { defineCommand } from "../command.js";
import { join } from "../text.js";
import { PLATFORM } from "./shared.js";

// fnapi ncf list-packages: one name a line (escaped: names come from the server), or --json. What prune sees.

export default defineCommand({
  name: "ncf list-packages",
  args: [],
  connection: "ncf",
  summary: "list the packages of the platform (what ncf prune sees)",
  description: `Lists the NCF packages of the platform, one name a line on stdout (--json: their summaries). On API v3 it
reads every page (100 a page) before it prints.`,
  flags: { platform: PLATFORM },
  async run(invocation) {
    const { command, flags, out } = invocation;
    const platform = (flags.platform ?? "vpc") as Platform;
    const { client } = ncfConnection(invocation);
    const packages = await client.listPackages({ platform, signal: invocation.signal });
    out.result({ command: command.name, platform, packages }, join(packages.map((p) => p.name)));
  },
});
