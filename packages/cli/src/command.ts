import type { FlagName, Flags } from "./flags.js";
import type { StopSignal } from "./io.js";
import type { Output } from "./output.js";
import type { Text } from "./text.js";

// A command: its name, arguments, flags, help and handler, in one file under commands/, listed once in
// commands/index.ts. Help, parsing and did-you-mean are derived from these.

export interface Command {
  /** `ncf delete-package`: the group and the command (or one word for a command without a group). */
  name: string;
  /** The positional arguments, in order (`<name>` in the usage line). */
  args: readonly string[];
  /** The flags it takes besides the global ones (those in `connection`) and --help/--version/--json/--verbose,
   * each with what it means for this command (one or more help lines). */
  flags: Partial<Record<FlagName, string>>;
  /** Its flags that must be given (shown without brackets in the usage line, checked before anything runs). */
  required?: readonly FlagName[];
  /** The connection flags it takes (--base-url, --region, --timeout, and for fgs --project-id). */
  connection?: "ncf" | "fgs";
  /** The usage line after `fnapi <name>`; default: its arguments and flags. */
  usage?: string;
  /** It handles SIGINT/SIGTERM itself (a server that runs until stopped): no interrupt handling, exit 0. */
  ownsSignals?: boolean;
  /** Its own exit-code paragraph; then its help shows neither the global flags nor the credentials. */
  exitCodes?: string;
  /** One line for the command lists. */
  summary: string;
  /** The paragraph(s) under the usage line of its --help. */
  description: string;
  /** Examples shown at the end of its --help. */
  examples?: readonly string[];
  /** Runs the command; throws on failure (errors.ts turns the error into an exit code). */
  run(invocation: Invocation): Promise<void>;
}

/** What the command did so far: printed when it fails midway or is interrupted. */
export interface DoneSoFar {
  data: Record<string, unknown>;
  /** The text; undefined when nothing worth saying was done yet (--json still gets `data`). */
  text: Text | undefined;
}

/** What a command is run with. */
export interface Invocation {
  command: Command;
  args: string[];
  flags: Flags;
  out: Output;
  env: Record<string, string | undefined>;
  home: string | undefined;
  /** The fetch the clients use: refuses new requests once a signal came (see interrupt.ts). */
  fetch: typeof fetch;
  /** Aborted once a signal came and the in-flight requests settled (or their time ran out). */
  signal: AbortSignal;
  /** Aborted as soon as SIGINT/SIGTERM comes, before in-flight requests settle: start no new work. */
  stopping: AbortSignal;
  /** Resolves when the requests in flight have settled (bounded): before reporting a partial result. */
  settled(): Promise<void>;
  /** Records what was done so far (replacing the previous record). */
  done(partial: DoneSoFar): void;
}

export type { StopSignal };

export function defineCommand(command: Command): Command {
  return command;
}
