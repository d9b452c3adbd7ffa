import type { CascadeProgress } from "@fnapi/ncf-client";

// A cascade's progress, one line per step on stderr (shown when stderr is a terminal).

export function cascadeProgress(packageName: string, write: (line: string) => void) {
  let listed = 0;
  let done = 0;
  return (event: CascadeProgress): void => {
    switch (event.type) {
      case "listed":
        listed = event.actions.length;
        done = 0;
        write(`round ${event.round}: ${listed} action${listed === 1 ? "" : "s"} to delete in ${packageName}`);
        break;
      case "actionDeleted":
        done++;
        write(
          `  ${event.alreadyGone ? "already gone" : "deleted"}: action ${event.action} (${done}/${listed})`,
        );
        break;
      case "packageNotEmpty":
        write(`round ${event.round}: ${packageName} got new actions meanwhile; listing again`);
        break;
      case "packageDeleted":
        write(`${event.alreadyGone ? "already gone" : "deleted"}: package ${packageName}`);
        break;
    }
  };
}
