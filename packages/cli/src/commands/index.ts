import type { Command } from "../command.js";
import authStatus from "./auth-status.js";
import { completionCommand } from "./completion.js";
import emulator from "./emulator-command.js";
import emulatorRequests from "./emulator-requests.js";
import fgsDeleteFunction from "./fgs-delete-function.js";
import fgsListAliases from "./fgs-list-aliases.js";
import fgsListFunctions from "./fgs-list-functions.js";
import fgsListVersions from "./fgs-list-versions.js";
import fgsPrune from "./fgs-prune.js";
import ncfDeleteAction from "./ncf-delete-action.js";
import ncfDeletePackage from "./ncf-delete-package.js";
import ncfListActions from "./ncf-list-actions.js";
import ncfListPackages from "./ncf-list-packages.js";
import ncfPrune from "./ncf-prune.js";

// The command table: every command, in the order --help lists them. Help, parsing, did-you-mean and shell
// completion (fnapi completion) are all made from it. Adding one: a file beside this one that default-exports
// defineCommand({ name, args, flags, summary, description, run }), and one line here.
export const COMMANDS: readonly Command[] = [
  ncfListPackages,
  ncfListActions,
  ncfDeletePackage,
  ncfDeleteAction,
  ncfPrune,
  fgsListFunctions,
  fgsListVersions,
  fgsListAliases,
  fgsDeleteFunction,
  fgsPrune,
  authStatus,
  emulator,
  emulatorRequests,
  completionCommand(() => COMMANDS),
];
