import type { Command } from "./command.js";
import { EVERYWHERE, type FlagName } from "./flags.js";

// Questions about a list of commands (the registry, commands/index.ts, passed in so that a command such as
// completion can ask them without importing the registry that lists it).

const CONNECTION: Record<"ncf" | "fgs", readonly FlagName[]> = {
  ncf: ["base-url", "region", "zone", "timeout"],
  fgs: ["base-url", "region", "project-id", "timeout"],
};

/** Every flag `command` takes (its own, its connection's and the ones every command takes). */
export function flagsOf(command: Command): FlagName[] {
  return [
    ...(command.connection ? CONNECTION[command.connection] : []),
    ...(Object.keys(command.flags) as FlagName[]),
    ...EVERYWHERE,
  ];
}

/** The groups (`ncf`, `fgs`) and single-word commands (`emulator`), in registry order. */
export function topLevel(commands: readonly Command[]): string[] {
  return [...new Set(commands.map((c) => c.name.split(" ")[0] as string))];
}

export function commandsIn(commands: readonly Command[], group: string): Command[] {
  return commands.filter((c) => c.name.startsWith(`${group} `));
}

export function findCommand(commands: readonly Command[], name: string): Command | undefined {
  return commands.find((c) => c.name === name);
}
