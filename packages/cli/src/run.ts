import { readFileSync } from "node:fs";
import { type CommandName, parseCommandLine, wantsJson } from "./command-line.js";
import { deleteFunction } from "./commands/fgs.js";
import type { CommandHandler } from "./commands/invocation.js";
import { deleteAction, deletePackage, listActions } from "./commands/ncf.js";
import { fgsPrune, ncfPrune } from "./commands/prune.js";
import { describeError, EXIT_OK, errorJson, exitCodeOf } from "./errors.js";
import { helpText } from "./help.js";
import { processOutput } from "./output.js";

const HANDLERS: Record<CommandName, CommandHandler> = {
  "ncf delete-package": deletePackage,
  "ncf list-actions": listActions,
  "ncf delete-action": deleteAction,
  "fgs delete-function": deleteFunction,
  "fgs prune": fgsPrune,
  "ncf prune": ncfPrune,
  emulator: async (invocation) => (await import("./commands/emulator.js")).emulator(invocation),
};

/**
 * Runs `fnapi` with `argv` (the arguments after the program name) in this process: it writes to
 * process.stdout and process.stderr, reads credentials from process.env and the vendors' files, and
 * resolves to the exit code (0 done, 1 API or network error, 2 bad usage or invalid input). It never calls
 * process.exit.
 */
export async function run(argv: readonly string[]): Promise<number> {
  const json = wantsJson(argv);
  const out = processOutput({ json, verbose: false });
  try {
    const line = parseCommandLine(argv);
    if (line.kind === "help") {
      process.stdout.write(`${helpText(line.topic)}\n`);
      return EXIT_OK;
    }
    if (line.kind === "version") {
      process.stdout.write(`${version()}\n`);
      return EXIT_OK;
    }
    const { command, args, flags } = line;
    const code = await HANDLERS[command.name]({
      command,
      args,
      flags,
      out: processOutput({ json, verbose: flags.verbose === true }),
    });
    return typeof code === "number" ? code : EXIT_OK;
  } catch (error) {
    if (json) out.result(errorJson(error), "");
    out.note(`fnapi: ${describeError(error)}`);
    return exitCodeOf(error);
  }
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  return String(manifest.version);
}
