import type { CascadeProgress, Platform } from "@fnapi/ncf-client";
import { ncfConnection, platformLabel, platformSent } from "../clients.js";
import { defineCommand } from "../command.js";
import { dryRunText, stepsOf } from "../plan.js";
import { text } from "../text.js";
import { DRY_RUN_NCF, PLATFORM } from "./shared.js";

// fnapi ncf delete-package <name> [--cascade]. The name and the platform are checked by the client (a
// ValidationError, exit 2, before anything is sent); the platform is sent, `vpc` by default, except in a zone
// without one (finance, government: the client leaves it out).

const CONCURRENCY = 4;

export default defineCommand({
  name: "ncf delete-package",
  args: ["name"],
  connection: "ncf",
  summary: "delete a package (with --cascade: its actions first)",
  description: `Deletes an NCF package. A package that still has actions answers 409 80109 PACKAGE_NOT_EMPTY (exit 1);
--cascade deletes its actions first (${CONCURRENCY} at a time), then the package, and lists again if an action was
created meanwhile (at most 3 rounds; a 409 is never retried blindly). A cascade that fails or is interrupted
midway prints what it deleted before it stopped.`,
  flags: {
    platform: PLATFORM,
    cascade: "delete the package's actions first; progress on stderr when it is a terminal",
    "missing-ok": "a package that is already gone (404 80101) is a success (exit 0)",
    "dry-run": `${DRY_RUN_NCF}. With --cascade, the DELETE of
each action it would list is one step (fnapi ncf list-actions <name> shows what a
cascade would delete)`,
  },
  examples: [
    "fnapi ncf delete-package ci-run-1234 --cascade --missing-ok",
    "fnapi ncf delete-package ci-run-1234 --cascade --json | jq '.deletedActions | length'",
  ],
  async run(invocation) {
    const { command, args, flags, out } = invocation;
    const name = args[0] as string;
    // Not given: the client's default (vpc), or none in the finance and government zones (never sent there).
    const platform = flags.platform as Platform | undefined;
    const shown = platformLabel(invocation);
    const cascade = flags.cascade === true;
    const missingOk = flags["missing-ok"] === true;
    const { client, planned } = ncfConnection(invocation);
    const base = { command: command.name, package: name, platform: platformSent(invocation) ?? null };
    const signal = invocation.signal;

    if (planned) {
      // A dry run lists nothing either: `fnapi ncf list-actions` shows what a cascade would delete.
      if (cascade) await client.listActions(name, { ...(platform ? { platform } : {}), signal });
      await client.deletePackage(name, { ...(platform ? { platform } : {}), signal });
      const steps = stepsOf(planned);
      if (cascade) {
        const list = steps[0]?.url ?? "";
        steps.splice(1, 0, {
          method: "DELETE",
          url: `${list.replace(/\/actions(\?|$)/, "/actions/<action>$1")}`,
          each: "listed action",
          concurrency: CONCURRENCY,
        });
      }
      out.result({ ...base, dryRun: true, cascade, missingOk, requests: steps }, dryRunText(steps));
      return;
    }

    if (cascade) {
      const deleted: string[] = [];
      let rounds = 0;
      const record = () => {
        const n = deleted.length;
        invocation.done({
          data: { ...base, cascade: true, deletedActions: [...deleted], rounds, packageDeleted: false },
          text:
            n === 0
              ? undefined
              : text`deleted ${n} action${n === 1 ? "" : "s"} of package ${name} (${shown}): ${deleted.join(", ")}; the package is still there`,
        });
      };
      record();
      const progress = out.interactive ? cascadeProgress(name, (line) => out.note(line)) : undefined;
      const report = await client
        .deletePackage(name, {
          cascade: true,
          ...(platform ? { platform } : {}),
          missingOk,
          signal,
          onProgress(event) {
            if (event.type === "listed") rounds = event.round;
            if (event.type === "actionDeleted") deleted.push(event.action);
            if (event.type === "listed" || event.type === "actionDeleted") record();
            progress?.(event);
          },
        })
        .catch(async (error: unknown) => {
          // The actions in flight when the cascade failed settle first: their progress comes after.
          await invocation.settled();
          // The library's partial report (CascadeDeleteError.report), when it has one, is the authority.
          const partial = (error as { report?: { deletedActions?: unknown; rounds?: unknown } } | null)
            ?.report;
          if (Array.isArray(partial?.deletedActions)) {
            deleted.splice(0, deleted.length, ...partial.deletedActions.map(String));
            if (typeof partial.rounds === "number") rounds = partial.rounds;
            record();
          }
          throw error;
        });
      const count = report.deletedActions.length;
      const actions = text`${count} action${count === 1 ? "" : "s"}`;
      const inRounds = report.rounds > 1 ? text` in ${report.rounds} rounds` : text``;
      out.result(
        { ...base, cascade: true, ...report },
        report.alreadyGone
          ? text`package ${name} (${shown}) was already gone${count ? text`; deleted ${actions} first` : text``}`
          : text`deleted package ${name} (${shown}) and its ${actions}${inRounds}`,
      );
      return;
    }

    const result = await client.deletePackage(name, { ...(platform ? { platform } : {}), missingOk, signal });
    out.result(
      { ...base, cascade: false, ...result },
      result.alreadyGone
        ? text`package ${name} (${shown}) was already gone`
        : text`deleted package ${name} (${shown})`,
    );
  },
});

/** A cascade's progress, one line per step on stderr (shown when stderr is a terminal). */
export function cascadeProgress(packageName: string, write: (line: ReturnType<typeof text>) => void) {
  let listed = 0;
  let done = 0;
  return (event: CascadeProgress): void => {
    switch (event.type) {
      case "listed":
        listed = event.actions.length;
        done = 0;
        write(
          text`round ${event.round}: ${listed} action${listed === 1 ? "" : "s"} to delete in ${packageName}`,
        );
        break;
      case "actionDeleted":
        done++;
        write(
          text`  ${event.alreadyGone ? "already gone" : "deleted"}: action ${event.action} (${done}/${listed})`,
        );
        break;
      case "packageNotEmpty":
        write(text`round ${event.round}: ${packageName} got new actions meanwhile; listing again`);
        break;
      case "packageDeleted":
        write(text`${event.alreadyGone ? "already gone" : "deleted"}: package ${packageName}`);
        break;
    }
  };
}
