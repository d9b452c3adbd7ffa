import type { Platform } from "@fnapi/ncf-client";
import { wasAlreadyGone } from "../call-log.js";
import { ncfConnection } from "../clients.js";
import type { PlannedRequest } from "../dry-run-fetch.js";
import type { CommandHandler } from "./invocation.js";
import { cascadeProgress } from "./progress.js";

// fnapi ncf delete-package | list-actions | delete-action. The names and the platform are checked by the
// client (a ValidationError, exit 2, before anything is sent); the platform is always sent, `vpc` by default.

export const deletePackage: CommandHandler = async ({ command, args, flags, out }) => {
  const name = args[0] as string;
  const platform = (flags.platform ?? "vpc") as Platform;
  const cascade = flags.cascade === true;
  const missingOk = flags["missing-ok"] === true;
  const { client, log, planned } = ncfConnection(flags, command.name, out);
  const base = { command: command.name, package: name, platform };

  if (planned) {
    // A dry run lists nothing either: `fnapi ncf list-actions` shows what a cascade would delete.
    if (cascade) await client.listActions(name, { platform });
    await client.deletePackage(name, { platform });
    const steps = planned.map(formatRequest);
    if (cascade)
      steps.splice(1, 0, `  DELETE each listed action, 4 at a time (…/packages/${name}/actions/<action>)`);
    out.result(
      { ...base, dryRun: true, cascade, missingOk, requests: planned },
      `dry run: nothing was sent; fnapi would send:\n${steps.join("\n")}`,
    );
    return;
  }

  if (cascade) {
    const report = await client.deletePackage(name, {
      cascade: true,
      platform,
      missingOk,
      ...(out.interactive ? { onProgress: cascadeProgress(name, (line) => out.note(line)) } : {}),
    });
    const count = report.deletedActions.length;
    const actions = `${count} action${count === 1 ? "" : "s"}`;
    const rounds = report.rounds > 1 ? ` in ${report.rounds} rounds` : "";
    out.result(
      { ...base, cascade: true, ...report },
      report.alreadyGone
        ? `package ${name} (${platform}) was already gone${count ? `; deleted ${actions} first` : ""}`
        : `deleted package ${name} (${platform}) and its ${actions}${rounds}`,
    );
    return;
  }

  await client.deletePackage(name, { platform, missingOk });
  const alreadyGone = missingOk && wasAlreadyGone(log);
  out.result(
    { ...base, cascade: false, alreadyGone },
    alreadyGone ? `package ${name} (${platform}) was already gone` : `deleted package ${name} (${platform})`,
  );
};

export const listActions: CommandHandler = async ({ command, args, flags, out }) => {
  const name = args[0] as string;
  const platform = (flags.platform ?? "vpc") as Platform;
  const { client } = ncfConnection(flags, command.name, out);
  const actions = await client.listActions(name, { platform });
  out.result(
    { command: command.name, package: name, platform, actions },
    actions.map((action) => action.name).join("\n"),
  );
};

export const deleteAction: CommandHandler = async ({ command, args, flags, out }) => {
  const [pkg, action] = args as [string, string];
  const platform = (flags.platform ?? "vpc") as Platform;
  const missingOk = flags["missing-ok"] === true;
  const { client, log, planned } = ncfConnection(flags, command.name, out);
  const base = { command: command.name, package: pkg, action, platform };
  await client.deleteAction(pkg, action, { platform, missingOk });
  if (planned) {
    out.result(
      { ...base, dryRun: true, missingOk, requests: planned },
      `dry run: nothing was sent; fnapi would send:\n${planned.map(formatRequest).join("\n")}`,
    );
    return;
  }
  const alreadyGone = missingOk && wasAlreadyGone(log);
  out.result(
    { ...base, alreadyGone },
    alreadyGone
      ? `action ${pkg}/${action} (${platform}) was already gone`
      : `deleted action ${pkg}/${action} (${platform})`,
  );
};

export function formatRequest(request: PlannedRequest): string {
  return `  ${request.method} ${request.url}`;
}
