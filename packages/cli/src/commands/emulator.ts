import { readFileSync } from "node:fs";
import { UsageError } from "../errors.js";
import type { CommandHandler } from "./invocation.js";

// fnapi emulator: @fnapi/emulator's programmatic API, run as its own bin (fnapi-emulator) runs it: the base
// URL alone on stdout, a line per request on stderr, until SIGINT or SIGTERM. Loaded only for this command.

export const emulator: CommandHandler = async ({ flags, out }) => {
  const { startEmulator, parseSeedText, SeedError } = await import("@fnapi/emulator");
  const portText = flags.port ?? "4010";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new UsageError(`--port is ${JSON.stringify(portText)}; it must be 0-65535`, "emulator");
  }
  const auth = flags.auth ?? "verify";
  if (auth !== "verify" && auth !== "off") {
    throw new UsageError(`--auth is ${JSON.stringify(auth)}; it must be verify or off`, "emulator");
  }
  let seed: ReturnType<typeof parseSeedText> | undefined;
  if (flags.seed !== undefined) {
    let text: string;
    try {
      text = readFileSync(flags.seed, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new UsageError(`cannot read --seed ${flags.seed}: ${code}`, "emulator");
    }
    try {
      seed = parseSeedText(text);
    } catch (error) {
      if (error instanceof SeedError)
        throw new UsageError(`invalid seed ${flags.seed}: ${error.message}`, "emulator");
      throw error;
    }
  }

  let running: Awaited<ReturnType<typeof startEmulator>>;
  try {
    running = await startEmulator({
      port,
      ...(flags.host !== undefined ? { host: flags.host } : {}),
      ...(seed ? { seed } : {}),
      auth,
      ...(flags.state !== undefined ? { statePath: flags.state } : {}),
      log: (line) => out.note(line),
    });
  } catch (error) {
    if (error instanceof SeedError)
      throw new UsageError(`invalid state ${flags.state}: ${error.message}`, "emulator");
    throw new EmulatorStartError((error as Error).message);
  }
  out.result({ url: running.url }, running.url);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await running.close();
};

/** The emulator could not start (the port is taken, the specs are missing): exit code 1. */
export class EmulatorStartError extends Error {
  override readonly name = "EmulatorStartError";
  constructor(reason: string) {
    super(`the emulator could not start: ${reason}`);
  }
}
