import { parseArgs } from "node:util";
import type { Command } from "./command.js";
import { commandsIn, findCommand, flagsOf, topLevel } from "./command-table.js";
import { COMMANDS } from "./commands/index.js";
import { didYouMean } from "./did-you-mean.js";
import { UsageError } from "./errors.js";
import { FLAGS, type FlagName, type Flags, isFlagName } from "./flags.js";
import { text } from "./text.js";

// The grammar of `fnapi`: a group, a command, its positional arguments and flags, in any order (flags may
// come before, between or after the positionals; `--` ends the flags). Node's util.parseArgs does the
// tokenising; the commands (commands/index.ts) say which flags they take. Everything else is refused
// before anything is sent (exit code 2), with a did-you-mean where one is close.

export { didYouMean };

export type CommandLine =
  | { kind: "help"; topic: string | undefined }
  | { kind: "version" }
  | { kind: "run"; command: Command; args: string[]; flags: Flags };

/** Parses `argv` (without `node` and the script); throws a UsageError naming what is wrong. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const topic = topicOf(argv);
  const known = topic ? findCommand(COMMANDS, topic) : undefined;
  const args = checkFlagsBeforeParsing(argv, known);
  let parsed: ReturnType<
    typeof parseArgs<{
      options: typeof OPTIONS;
      allowPositionals: true;
      tokens: true;
      strict: true;
      args: string[];
    }>
  >;
  try {
    parsed = parseArgs({
      args,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    // What the pre-check does not catch (a short flag such as -x): util.parseArgs's message on one line.
    throw new UsageError((error as Error).message.replace(/\s*\n\s*/g, " "), topic);
  }
  const flags = parsed.values as Flags;
  const positionals = [...parsed.positionals];
  if (positionals[0] === "help") return { kind: "help", topic: helpTopic(positionals.slice(1)) };
  if (flags.help) return { kind: "help", topic: helpTopic(positionals) };
  if (flags.version) return { kind: "version" };

  const [group, name] = positionals;
  // Bare `fnapi`: the list of every command, as gh and npm show it.
  if (group === undefined) return { kind: "help", topic: undefined };
  // a command that is also a group (`emulator`, `emulator requests`): the longer name wins
  const pair = name !== undefined ? findCommand(COMMANDS, `${group} ${name}`) : undefined;
  let command: Command | undefined = findCommand(COMMANDS, group);
  let rest: string[];
  if (pair) {
    command = pair;
    rest = positionals.slice(2);
  } else if (command) {
    rest = positionals.slice(1);
  } else if (commandsIn(COMMANDS, group).length > 0) {
    const names = commandsIn(COMMANDS, group).map((c) => c.name.split(" ")[1] as string);
    const list = names.join(", ");
    if (name === undefined) throw new UsageError(text`fnapi ${group} needs a command: ${list}`, group);
    command = findCommand(COMMANDS, `${group} ${name}`);
    if (!command) {
      const guess = didYouMean(name, names);
      throw new UsageError(
        text`unknown command "${group} ${name}"${guess ? text`; did you mean "${group} ${guess}"?` : text``} ${group} has ${list}`,
        group,
      );
    }
    rest = positionals.slice(2);
  } else {
    const groups = topLevel(COMMANDS);
    const guess = didYouMean(group, groups);
    throw new UsageError(
      text`unknown command "${group}"${guess ? text`; did you mean "${guess}"?` : text``} The commands are ${groups.join(", ")}`,
    );
  }

  const allowed = flagsOf(command);
  for (const token of parsed.tokens) {
    if (token.kind !== "option") continue;
    const flag = token.name as FlagName;
    if (!allowed.includes(flag)) {
      throw new UsageError(text`${token.rawName} is not a flag of fnapi ${command.name}`, command.name);
    }
    if (FLAGS[flag].type !== "boolean" && token.value === "") {
      throw new UsageError(text`${token.rawName} needs a value${valuesOf(flag)}`, command.name);
    }
  }
  if (rest.length < command.args.length) {
    const missing = command.args.slice(rest.length).map((a) => `<${a}>`);
    throw new UsageError(text`fnapi ${command.name} needs ${missing.join(" ")}`, command.name);
  }
  if (rest.length > command.args.length) {
    const n = command.args.length;
    throw new UsageError(
      text`fnapi ${command.name} takes ${n || "no"} argument${n === 1 ? "" : "s"}; unexpected "${rest[n]}"`,
      command.name,
    );
  }
  for (const flag of command.required ?? []) {
    if (flags[flag] === undefined) {
      const def = FLAGS[flag] as { value?: string };
      throw new UsageError(
        text`fnapi ${command.name} needs --${flag} ${def.value ?? ""}`.toString().trimEnd() +
          (flag === "match" ? ` (every name: --match "*"; quote globs so the shell leaves them alone)` : ""),
        command.name,
      );
    }
  }
  return { kind: "run", command, args: rest, flags };
}

/**
 * Unknown `--flags` (with a did-you-mean) and string flags given without a value, before util.parseArgs.
 * Returns argv with every `--flag value` of a string flag joined to `--flag=value`, so that a value that
 * starts with `-` (`--keep-versions -1`) reaches the flag's own check, which says what is wrong with it.
 */
function checkFlagsBeforeParsing(argv: readonly string[], command: Command | undefined): string[] {
  const end = argv.indexOf("--");
  const flagArgs = end === -1 ? argv : argv.slice(0, end);
  const out: string[] = [];
  for (let i = 0; i < flagArgs.length; i++) {
    const arg = flagArgs[i] as string;
    out.push(arg);
    if (!arg.startsWith("--") || arg === "--") continue;
    const [rawName, ...rest] = arg.slice(2).split("=");
    const name = rawName as string;
    if (!isFlagName(name)) {
      const candidates = command ? flagsOf(command) : (Object.keys(FLAGS) as FlagName[]);
      const guess = didYouMean(name, candidates);
      throw new UsageError(
        text`unknown flag --${name}${guess ? text`; did you mean --${guess}?` : text``}`,
        command?.name,
      );
    }
    if (FLAGS[name].type === "boolean" && rest.length > 0) {
      throw new UsageError(
        text`--${name} takes no value (it is on or off); drop "=${rest.join("=")}"`,
        command?.name,
      );
    }
    if (FLAGS[name].type !== "boolean" && rest.length === 0) {
      const next = flagArgs[i + 1];
      if (next === undefined || (next.startsWith("-") && next !== "-" && !/^-\d/.test(next))) {
        throw new UsageError(text`--${name} needs a value${valuesOf(name)}`, command?.name);
      }
      out[out.length - 1] = `--${name}=${next}`;
      i++; // its value, whatever it looks like
    }
  }
  return end === -1 ? out : [...out, ...argv.slice(end)];
}

function valuesOf(flag: FlagName): string {
  const def = FLAGS[flag] as { values?: readonly string[]; value?: string };
  if (def.values) return `: ${def.values.join(" or ")} (e.g. --${flag} ${def.values.at(-1)})`;
  return def.value ? ` (--${flag} ${def.value})` : "";
}

const OPTIONS = Object.fromEntries(
  Object.entries(FLAGS).map(([name, def]) => [
    name,
    {
      ...(def.type === "strings" ? { type: "string", multiple: true } : { type: def.type }),
      ...("short" in def ? { short: def.short } : {}),
    },
  ]),
) as {
  [K in FlagName]: (typeof FLAGS)[K]["type"] extends "strings"
    ? { type: "string"; multiple: true }
    : { type: (typeof FLAGS)[K]["type"] };
};

function helpTopic(positionals: readonly string[]): string | undefined {
  const [group, name] = positionals;
  if (group === undefined) return undefined;
  if (name !== undefined && findCommand(COMMANDS, `${group} ${name}`)) return `${group} ${name}`;
  if (findCommand(COMMANDS, group)) return group;
  if (commandsIn(COMMANDS, group).length > 0)
    return findCommand(COMMANDS, `${group} ${name}`) ? `${group} ${name}` : group;
  return undefined;
}

/** The command (or group) a broken command line was meant for, to point at its help. */
function topicOf(argv: readonly string[]): string | undefined {
  const end = argv.indexOf("--");
  const words: string[] = [];
  const before = end === -1 ? argv : argv.slice(0, end);
  for (let i = 0; i < before.length; i++) {
    const arg = before[i] as string;
    if (arg.startsWith("--")) {
      const name = arg.slice(2);
      if (isFlagName(name) && FLAGS[name].type !== "boolean") i++;
      continue;
    }
    words.push(arg);
  }
  return helpTopic(words);
}

/** Whether `--json` was asked for, read before (or despite) a parse failure, so that errors are JSON too. */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).includes("--json");
}
