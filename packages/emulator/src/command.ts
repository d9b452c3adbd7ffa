import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { inspectorLine, inspectorUrl, openInBrowser } from "./inspector/open.js";
import { type EmulatorState, parseSeedText, SeedError } from "./seed.js";
import { type Emulator, startEmulator } from "./server.js";

// The one emulator command, run by the package's bin (`fnapi-emulator`) and by `fnapi emulator` (which
// imports `@fnapi/emulator/command` only when that command runs). It prints the base URL alone on stdout's
// first line (`{"url": …}` with --json), then one line per request on stderr, until SIGINT, SIGTERM or
// `io.signal`. Exit codes: 0 stopped; 1 could not start (port in use, specs missing, state file locked by
// another emulator or not writable); 2 bad usage or an invalid seed or state file (the message names the
// field and the rule).

/** Where the command writes, and the environment it reads. */
export interface CommandIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Read for FNAPI_EMULATOR_CONTROL_TOKEN. */
  env: Record<string, string | undefined>;
  /** Stops the emulator like SIGINT does (tests, embedding). */
  signal?: AbortSignal;
  /** The name messages start with (default `fnapi-emulator`). */
  name?: string;
  /** Opens a URL in a browser (`--open`); resolves to false when none can be. Default: the system's opener. */
  openUrl?: (url: string) => Promise<boolean>;
}

/** The environment variable that sets the control token (as `--control-token` does). */
export const CONTROL_TOKEN_ENV = "FNAPI_EMULATOR_CONTROL_TOKEN";

const USAGE = `Usage: fnapi-emulator [--host 127.0.0.1] [--port 4010] [--seed FILE] [--state FILE] [--auth verify|off] [--control-token TOKEN] [--json] [--open]

A local NAVER Cloud Functions + Huawei FunctionGraph (+ IAM tokens) on one origin:
  NCF v2.1 /ncf/api/v2/...   NCF v2.0 /api/v2/...   FunctionGraph /v2/...   IAM /v3/auth/tokens
  control API /_emulator/ (reset, state, requests, faults, snapshots); inspector page /_emulator/ui

  --host HOST            interface to bind (default 127.0.0.1; anything else is warned about)
  --port PORT            port (default 4010; 0 picks a free one)
  --seed FILE            initial state, JSON or YAML
  --state FILE           load the state from FILE when it exists; every change is written there first
                         (atomically, through a symlink to its target); locked while the emulator runs
  --auth MODE            verify (default): check every signature and token; off: accept any credentials
  --control-token TOKEN  the control API then needs Authorization: Bearer TOKEN
                         (or set ${CONTROL_TOKEN_ENV})
  --json                 print {"url": ...} instead of the URL
  --open                 open the inspector page (/_emulator/ui) in a browser, where one exists
  --help, --version

Exit codes: 0 stopped by a signal, 1 could not start, 2 bad usage or invalid seed/state.`;

const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|::1|localhost)$/i;

/** Whether listening on `host` reaches beyond this machine (`0.0.0.0`, `::`, a LAN address, a name). */
export const beyondLoopback = (host: string): boolean => !LOOPBACK.test(host);

class Exit extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

function readSeed(path: string): EmulatorState {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Exit(2, `cannot read --seed ${path}: ${reason}`);
  }
  try {
    return parseSeedText(text);
  } catch (error) {
    if (error instanceof SeedError) throw new Exit(2, `invalid seed ${path}: ${error.message}`);
    throw error;
  }
}

/**
 * Runs the emulator as its bin does: `argv` are the arguments after the command's name. Resolves to the exit
 * code (0 stopped by SIGINT, SIGTERM or `io.signal`; 1 could not start; 2 bad usage or invalid seed/state)
 * once the emulator has stopped; never calls process.exit.
 */
export async function runEmulatorCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const name = io.name ?? "fnapi-emulator";
  try {
    let values: Record<string, string | boolean | undefined>;
    try {
      ({ values } = parseArgs({
        args: [...argv],
        options: {
          host: { type: "string", default: "127.0.0.1" },
          port: { type: "string", default: "4010" },
          seed: { type: "string" },
          state: { type: "string" },
          auth: { type: "string", default: "verify" },
          "control-token": { type: "string" },
          json: { type: "boolean" },
          open: { type: "boolean" },
          help: { type: "boolean" },
          version: { type: "boolean" },
        },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      throw new Exit(2, (error as Error).message);
    }
    if (values.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (values.version) {
      const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
      io.stdout.write(`${manifest.version}\n`);
      return 0;
    }
    const port = Number(values.port);
    if (!/^\d+$/.test(String(values.port)) || port > 65535)
      throw new Exit(2, `--port must be 0-65535, not ${values.port}`);
    const auth = values.auth;
    if (auth !== "verify" && auth !== "off") throw new Exit(2, `--auth must be verify or off, not ${auth}`);
    const controlToken = (values["control-token"] as string | undefined) ?? io.env[CONTROL_TOKEN_ENV];
    if (controlToken !== undefined && controlToken.length < 8) {
      throw new Exit(
        2,
        `the control token (--control-token or ${CONTROL_TOKEN_ENV}) must be at least 8 characters`,
      );
    }
    const seed = typeof values.seed === "string" ? readSeed(values.seed) : undefined;
    const host = values.host as string;
    const statePath = values.state as string | undefined;

    let emulator: Emulator;
    try {
      emulator = await startEmulator({
        host,
        port,
        auth,
        ...(seed ? { seed } : {}),
        ...(statePath !== undefined ? { statePath } : {}),
        ...(controlToken !== undefined ? { controlToken } : {}),
        log: (line) => io.stderr.write(`${line}\n`),
      });
    } catch (error) {
      if (error instanceof SeedError) throw new Exit(2, `invalid state ${statePath}: ${error.message}`);
      throw new Exit(1, `the emulator could not start: ${(error as Error).message}`);
    }
    if (beyondLoopback(host)) {
      io.stderr.write(
        `${name}: warning: listening on ${host}, beyond this machine's loopback: anyone who can reach it can read the state (secret keys, passwords) and change it` +
          `${controlToken === undefined ? `; set --control-token or ${CONTROL_TOKEN_ENV} to protect the control API` : ""}\n`,
      );
    }
    // The handlers first: a signal that arrives before Node watches for it ends the process (status null).
    let stopped: () => void = () => {};
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      io.signal?.removeEventListener("abort", stop);
      stopped();
    };
    const done = new Promise<void>((resolveStop) => {
      stopped = resolveStop;
    });
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    if (io.signal?.aborted) stop();
    else io.signal?.addEventListener("abort", stop);
    io.stdout.write(values.json ? `${JSON.stringify({ url: emulator.url })}\n` : `${emulator.url}\n`);
    io.stderr.write(`${name}: ${inspectorLine(emulator.url, controlToken)}\n`);
    if (values.open) {
      const opened = await (io.openUrl ?? openInBrowser)(inspectorUrl(emulator.url, controlToken));
      if (!opened) io.stderr.write(`${name}: no browser could be opened; open the inspector URL above\n`);
    }
    await done;
    await emulator.close().catch(() => undefined);
    return 0;
  } catch (error) {
    if (!(error instanceof Exit)) throw error;
    io.stderr.write(
      `${name}: ${error.message}${error.code === 2 && !error.message.startsWith("invalid") ? `\n\n${USAGE}` : ""}\n`,
    );
    return error.code;
  }
}
