import type { Command } from "../command.js";
import authStatus from "./auth-status.js";
import emulator from "./emulator-command.js";
import fgsDeleteFunction from "./fgs-delete-function.js";
import fgsPrune from "./fgs-prune.js";
import ncfDeleteAction from "./ncf-delete-action.js";
import ncfDeletePackage from "./ncf-delete-package.js";
import ncfListActions from "./ncf-list-actions.js";
import ncfPrune from "./ncf-prune.js";

// Every command, in the order --help lists them. Adding one: a file beside this one that default-exports
// defineCommand({ name, args, flags, summary, description, run }), and one line here.
export const COMMANDS: readonly Command[] = [
  ncfDeletePackage,
  ncfListActions,
  ncfDeleteAction,
  ncfPrune,
  fgsDeleteFunction,
  fgsPrune,
  authStatus,
  emulator,
];
