import { parseFunctionUrn } from "@fnapi/fgs-client";
import { wasAlreadyGone } from "../call-log.js";
import { fgsConnection } from "../clients.js";
import type { CommandHandler } from "./invocation.js";
import { formatRequest } from "./ncf.js";

// fnapi fgs delete-function <urn>. The client checks the URN, and that it names the client's project (and,
// without --base-url, its region), before anything is sent.

export const deleteFunction: CommandHandler = async ({ command, args, flags, out }) => {
  const urn = args[0] as string;
  const parts = parseFunctionUrn(urn); // the URN's own rules first: a clearer error than missing credentials
  const fn = `function ${parts.package}/${parts.name}`;
  const target =
    parts.alias !== undefined
      ? `${fn} (the version alias ${parts.alias} points to)`
      : parts.version !== undefined
        ? `${fn} (version ${parts.version})`
        : fn;
  const missingOk = flags["missing-ok"] === true;
  const { client, log, planned } = fgsConnection(flags, command.name, out);
  await client.deleteFunction(urn, { missingOk });
  if (planned) {
    out.result(
      { command: command.name, urn, dryRun: true, missingOk, requests: planned },
      `dry run: nothing was sent; fnapi would send (deleting ${target}):\n${planned.map(formatRequest).join("\n")}`,
    );
    return;
  }
  const alreadyGone = missingOk && wasAlreadyGone(log);
  out.result(
    { command: command.name, urn, alreadyGone },
    alreadyGone ? `${target} was already gone` : `deleted ${target}`,
  );
};
