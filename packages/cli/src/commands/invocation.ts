import type { CommandSpec, Flags } from "../command-line.js";
import type { Output } from "../output.js";

/** What a command is run with. It throws on failure (errors.ts turns the error into an exit code). */
export interface Invocation {
  command: CommandSpec;
  args: string[];
  flags: Flags;
  out: Output;
}

/** Resolves to the exit code when it is not 0 (a prune that left something, or was interrupted). */
export type CommandHandler = (invocation: Invocation) => Promise<unknown>;
