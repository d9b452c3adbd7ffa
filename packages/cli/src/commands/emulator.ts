import { UsageError } from "../errors.js";
import type { CommandHandler } from "./invocation.js";

// fnapi emulator: @fnapi/emulator's own command (the one its fnapi-emulator bin runs), imported from
// `@fnapi/emulator/command` only when this command runs. @fnapi/emulator is an optional peer dependency of
// @fnapi/cli: installs that never run `fnapi emulator` do not get it, and those that do are told to add it.

/** What `runEmulatorCommand` writes to and reads from. */
export interface EmulatorIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
}

type RunEmulatorCommand = (argv: readonly string[], io: EmulatorIO & { name?: string }) => Promise<number>;

export const EMULATOR_PACKAGE = "@fnapi/emulator";

/** @fnapi/emulator is not installed (exit code 1). */
export class EmulatorMissingError extends Error {
  override readonly name = "EmulatorMissingError";
  constructor() {
    super(
      `fnapi emulator needs ${EMULATOR_PACKAGE}, which is not installed: npm install -D ${EMULATOR_PACKAGE} ` +
        `(next to a global fnapi: npm install -g ${EMULATOR_PACKAGE})`,
    );
  }
}

/** The emulator could not start (the port is taken, the specs are missing, the state file is locked): exit code 1. */
export class EmulatorStartError extends Error {
  override readonly name = "EmulatorStartError";
  constructor(reason: string) {
    super(`the emulator could not start: ${reason}`);
  }
}

async function loadCommand(): Promise<RunEmulatorCommand> {
  try {
    const loaded = (await import("@fnapi/emulator/command")) as { runEmulatorCommand: RunEmulatorCommand };
    return loaded.runEmulatorCommand;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const missing =
      code === "ERR_MODULE_NOT_FOUND" ||
      code === "MODULE_NOT_FOUND" ||
      code === "ERR_PACKAGE_PATH_NOT_EXPORTED";
    if (missing && String((error as Error).message).includes(EMULATOR_PACKAGE))
      throw new EmulatorMissingError();
    throw error;
  }
}

/** `fnapi emulator [flags]`: `argv` is what follows `emulator`; resolves to the exit code (0 stopped by a signal, 1 could not start, 2 bad usage or invalid seed/state). */
export async function run(argv: readonly string[], io: EmulatorIO): Promise<number> {
  let runEmulatorCommand: RunEmulatorCommand;
  try {
    runEmulatorCommand = await loadCommand();
  } catch (error) {
    if (!(error instanceof EmulatorMissingError)) throw error;
    io.stderr.write(`fnapi: ${error.message}\n`);
    return 1;
  }
  return runEmulatorCommand(argv, { ...io, name: "fnapi emulator" });
}

/** Today's dispatcher shape (flags parsed by command-line.ts): the same command, its argv rebuilt. */
export const emulator: CommandHandler = async ({ flags, env }) => {
  const argv: string[] = [];
  for (const name of ["host", "port", "seed", "state", "auth", "control-token"] as const) {
    const value = (flags as Record<string, unknown>)[name];
    if (typeof value === "string") argv.push(`--${name}`, value);
  }
  if (flags.json) argv.push("--json");
  if (flags.open) argv.push("--open");
  const runEmulatorCommand = await loadCommand();
  const code = await runEmulatorCommand(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    env,
    name: "fnapi emulator",
  });
  if (code === 2) throw new UsageError("bad usage or an invalid seed or state file (see above)", "emulator");
  if (code !== 0) throw new EmulatorStartError("see above");
};
