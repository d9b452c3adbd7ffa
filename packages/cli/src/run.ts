import { readFileSync } from "node:fs";
import type { DoneSoFar, Invocation } from "./command.js";
import { parseCommandLine, wantsJson } from "./command-line.js";
import { describeError, EXIT_OK, errorJson, exitCodeOf } from "./errors.js";
import { helpText } from "./help.js";
import { EXIT_SIGINT, EXIT_SIGTERM, InterruptedError, watchInterrupts } from "./interrupt.js";
import { type CliIo, processIo } from "./io.js";
import { createOutput } from "./output.js";
import { text } from "./text.js";

export type { CliIo, StopSignal } from "./io.js";

/**
 * Runs `fnapi` with `argv` (the arguments after the program name) and resolves to the exit code: 0 done,
 * 1 API or network error, 2 bad usage or invalid input, 130/143 stopped by SIGINT/SIGTERM. It writes only to
 * `io.stdout` and `io.stderr`, reads credentials from `io.env` and the vendors' files under `io.home`, and
 * never calls process.exit. `io` defaults to this process (its streams, environment, home and signals).
 */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const json = wantsJson(argv);
  let out = createOutput(io, { json, verbose: false });
  let done: DoneSoFar | undefined;
  let interrupt: ReturnType<typeof watchInterrupts> | undefined;
  try {
    const line = parseCommandLine(argv);
    if (line.kind === "help") {
      io.stdout.write(`${helpText(line.topic)}\n`);
      return EXIT_OK;
    }
    if (line.kind === "version") {
      io.stdout.write(`${version()}\n`);
      return EXIT_OK;
    }
    const { command, args, flags } = line;
    out = createOutput(io, { json, verbose: flags.verbose === true });
    const baseFetch = io.fetch ?? globalThis.fetch;
    if (!command.ownsSignals) interrupt = watchInterrupts(io, baseFetch);
    const invocation: Invocation = {
      command,
      args,
      flags,
      out,
      env: io.env,
      home: io.home,
      fetch: interrupt?.fetch ?? baseFetch,
      signal: interrupt?.signal ?? new AbortController().signal,
      stopping: interrupt?.stopping ?? new AbortController().signal,
      settled: () => interrupt?.settled() ?? Promise.resolve(),
      done(partial) {
        done = partial;
      },
    };
    await command.run(invocation);
    const received = interrupt?.received();
    // Interrupted after the last request settled: the result is printed; the exit code says it was stopped.
    if (received) return received === "SIGTERM" ? EXIT_SIGTERM : EXIT_SIGINT;
    return EXIT_OK;
  } catch (error) {
    const received = interrupt?.received();
    if (received) {
      if (json) out.result({ interrupted: received, ...(done?.data ?? {}), ...errorPart(error) }, "");
      else {
        if (done?.text) out.result({}, done.text);
        out.note(text`fnapi: interrupted by ${received}; nothing new was started`);
        if (!(error instanceof InterruptedError || isInterruptCause(error)))
          out.note(text`fnapi: ${describeError(error)}`);
      }
      return received === "SIGTERM" ? EXIT_SIGTERM : EXIT_SIGINT;
    }
    if (json) out.result({ ...errorJson(error), ...(done ? { done: done.data } : {}) }, "");
    else if (done?.text) out.result({}, text`before it failed: ${done.text}`);
    out.note(text`fnapi: ${describeError(error)}`);
    return exitCodeOf(error);
  } finally {
    interrupt?.dispose();
  }
}

/** Whether the error is the interrupt itself (a refused request, an aborted wait), however wrapped. */
function isInterruptCause(error: unknown): boolean {
  for (let e = error, depth = 0; e !== undefined && e !== null && depth < 4; depth++) {
    if (e instanceof InterruptedError || (e as Error).name === "AbortError") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

function errorPart(error: unknown): Record<string, unknown> {
  if (error instanceof InterruptedError || isInterruptCause(error)) return {};
  return errorJson(error);
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  return String(manifest.version);
}
