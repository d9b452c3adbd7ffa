import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";

// The grammar of `fnapi`: a group, a command, its positional arguments and flags, in any order (flags may
// come before, between or after the positionals; `--` ends the flags). Node's util.parseArgs does the
// tokenising; this module knows which flag belongs to which command and refuses the rest, before anything
// is sent (exit code 2).

type FlagType = "string" | "boolean" | "strings";

/** Every flag `fnapi` knows, with its type. */
const FLAGS = {
  // global
  "base-url": "string",
  region: "string",
  "project-id": "string",
  json: "boolean",
  verbose: "boolean",
  timeout: "string",
  help: "boolean",
  version: "boolean",
  // commands
  platform: "string",
  cascade: "boolean",
  "missing-ok": "boolean",
  "dry-run": "boolean",
  port: "string",
  host: "string",
  seed: "string",
  state: "string",
  auth: "string",
  // prune (src/commands/prune.ts)
  match: "strings",
  exclude: "strings",
  "older-than": "string",
  "keep-versions": "string",
  concurrency: "string",
  yes: "boolean",
} as const satisfies Record<string, FlagType>;

type ParsedToken = NonNullable<ReturnType<typeof parseArgs>["tokens"]>[number];

export type FlagName = keyof typeof FLAGS;

export type CommandName =
  | "ncf delete-package"
  | "ncf list-actions"
  | "ncf delete-action"
  | "fgs delete-function"
  | "fgs prune"
  | "ncf prune"
  | "emulator";

export interface CommandSpec {
  name: CommandName;
  /** The positional arguments, in order. */
  args: readonly string[];
  /** The flags this command accepts (besides --help, --version, --json, --verbose). */
  flags: readonly FlagName[];
}

const NCF_CONNECTION: readonly FlagName[] = ["base-url", "region", "timeout"];
const FGS_CONNECTION: readonly FlagName[] = ["base-url", "region", "project-id", "timeout"];

export const COMMANDS: Record<CommandName, CommandSpec> = {
  "ncf delete-package": {
    name: "ncf delete-package",
    args: ["name"],
    flags: [...NCF_CONNECTION, "platform", "cascade", "missing-ok", "dry-run"],
  },
  "ncf list-actions": { name: "ncf list-actions", args: ["package"], flags: [...NCF_CONNECTION, "platform"] },
  "ncf delete-action": {
    name: "ncf delete-action",
    args: ["package", "action"],
    flags: [...NCF_CONNECTION, "platform", "missing-ok", "dry-run"],
  },
  "fgs delete-function": {
    name: "fgs delete-function",
    args: ["urn"],
    flags: [...FGS_CONNECTION, "missing-ok", "dry-run"],
  },
  "fgs prune": {
    name: "fgs prune",
    args: [],
    flags: [
      ...FGS_CONNECTION,
      "match",
      "exclude",
      "older-than",
      "keep-versions",
      "concurrency",
      "yes",
      "dry-run",
    ],
  },
  "ncf prune": {
    name: "ncf prune",
    args: [],
    flags: [...NCF_CONNECTION, "match", "exclude", "platform", "concurrency", "yes", "dry-run"],
  },
  emulator: { name: "emulator", args: [], flags: ["port", "host", "seed", "state", "auth"] },
};

const GROUPS: Record<string, readonly CommandName[]> = {
  ncf: ["ncf delete-package", "ncf list-actions", "ncf delete-action", "ncf prune"],
  fgs: ["fgs delete-function", "fgs prune"],
};

const EVERYWHERE: readonly FlagName[] = ["help", "version", "json", "verbose"];

export type Flags = {
  [K in FlagName]?: (typeof FLAGS)[K] extends "string"
    ? string
    : (typeof FLAGS)[K] extends "strings"
      ? string[]
      : boolean;
};

export type CommandLine =
  | { kind: "help"; topic: CommandName | "ncf" | "fgs" | undefined }
  | { kind: "version" }
  | { kind: "run"; command: CommandSpec; args: string[]; flags: Flags };

/** Parses `argv` (without `node` and the script); throws a UsageError naming what is wrong. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  let parsed: { values: object; positionals: string[]; tokens: ParsedToken[] };
  try {
    parsed = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    // util.parseArgs's messages name the flag ("Unknown option '--bogus'") and say how to pass a value
    // that starts with "-" (after "--").
    throw new UsageError((error as Error).message.replace(/\s*\n\s*/g, " "), topicOf(argv));
  }
  const flags = parsed.values as Flags;
  const positionals = [...parsed.positionals];
  if (positionals[0] === "help") return { kind: "help", topic: helpTopic(positionals.slice(1)) };
  if (flags.help) return { kind: "help", topic: helpTopic(positionals) };
  if (flags.version) return { kind: "version" };

  const [group, name] = positionals;
  if (group === undefined) throw new UsageError("no command given");
  let command: CommandSpec;
  let args: string[];
  if (group === "emulator") {
    command = COMMANDS.emulator;
    args = positionals.slice(1);
  } else if (group in GROUPS) {
    const commands = GROUPS[group] as readonly CommandName[];
    const list = commands.map((c) => c.split(" ")[1]).join(", ");
    if (name === undefined) throw new UsageError(`fnapi ${group} needs a command: ${list}`, group);
    const found = commands.find((c) => c === `${group} ${name}`);
    if (!found) throw new UsageError(`unknown command "${group} ${name}"; ${group} has ${list}`, group);
    command = COMMANDS[found];
    args = positionals.slice(2);
  } else {
    throw new UsageError(`unknown command "${group}"; the commands are ncf, fgs and emulator`);
  }

  for (const token of parsed.tokens) {
    if (token.kind !== "option") continue;
    const flag = token.name as FlagName;
    if (!EVERYWHERE.includes(flag) && !command.flags.includes(flag)) {
      throw new UsageError(`${token.rawName} is not a flag of fnapi ${command.name}`, command.name);
    }
    if (FLAGS[flag] !== "boolean" && token.value === "") {
      throw new UsageError(`${token.rawName} needs a value`, command.name);
    }
  }
  if (args.length < command.args.length) {
    const missing = command.args.slice(args.length).map((a) => `<${a}>`);
    throw new UsageError(`fnapi ${command.name} needs ${missing.join(" ")}`, command.name);
  }
  if (args.length > command.args.length) {
    throw new UsageError(
      `fnapi ${command.name} takes ${command.args.length || "no"} argument${command.args.length === 1 ? "" : "s"}; unexpected "${args[command.args.length]}"`,
      command.name,
    );
  }
  return { kind: "run", command, args, flags };
}

const OPTIONS = Object.fromEntries(
  Object.entries(FLAGS).map(([name, type]) => [
    name,
    type === "strings" ? { type: "string", multiple: true } : { type },
  ]),
) as { [K in FlagName]: { type: "string" | "boolean"; multiple?: boolean } };

function helpTopic(positionals: readonly string[]): CommandName | "ncf" | "fgs" | undefined {
  const [group, name] = positionals;
  if (group === "emulator") return "emulator";
  if (group === "ncf" || group === "fgs") {
    const full = `${group} ${name}`;
    return full in COMMANDS ? (full as CommandName) : group;
  }
  return undefined;
}

/** The command a broken command line was meant for, to point at its help. */
function topicOf(argv: readonly string[]): string | undefined {
  return helpTopic(argv.filter((a) => !a.startsWith("-")));
}

/** Whether `--json` was asked for, read before (or despite) a parse failure, so that errors are JSON too. */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).includes("--json");
}

/** `--timeout MS`: the per-attempt bound of the clients. */
export function parseTimeout(value: string | undefined, command: CommandName): number | undefined {
  if (value === undefined) return undefined;
  const ms = Number(value);
  if (!/^\d+$/.test(value) || ms < 1 || ms > 2 ** 31 - 1) {
    throw new UsageError(
      `--timeout is "${value}"; it must be a whole number of milliseconds from 1 to 2147483647`,
      command,
    );
  }
  return ms;
}
