#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseSeedText, SeedError } from "./seed.js";
import { startEmulator } from "./server.js";

// fnapi-emulator [--host 127.0.0.1] [--port 4010] [--seed FILE] [--state FILE] [--auth verify|off]
// Prints its base URL alone on stdout's first line, then one line per request on stderr.
// Exit codes: 0 stopped by SIGINT/SIGTERM; 1 could not start (port in use, specs missing); 2 bad usage or
// an invalid seed or state file (the message names the field and the rule).

const USAGE = `Usage: fnapi-emulator [--host 127.0.0.1] [--port 4010] [--seed FILE] [--state FILE] [--auth verify|off]

A local NAVER Cloud Functions + Huawei FunctionGraph (+ IAM tokens) on one origin:
  NCF v2.1 /ncf/api/v2/...   NCF v2.0 /api/v2/...   FunctionGraph /v2/...   IAM /v3/auth/tokens
  control API /_emulator/ (reset, state, requests, faults)

  --host HOST    interface to bind (default 127.0.0.1)
  --port PORT    port (default 4010; 0 picks a free one)
  --seed FILE    initial state, JSON or YAML
  --state FILE   load the state from FILE when it exists; write it there atomically after every change
  --auth MODE    verify (default): check every signature and token; off: accept any credentials
  --help, --version

Exit codes: 0 stopped by a signal, 1 could not start, 2 bad usage or invalid seed/state.`;

function usageError(message: string): never {
  process.stderr.write(`fnapi-emulator: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        host: { type: "string", default: "127.0.0.1" },
        port: { type: "string", default: "4010" },
        seed: { type: "string" },
        state: { type: "string" },
        auth: { type: "string", default: "verify" },
        help: { type: "boolean" },
        version: { type: "boolean" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    usageError((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.version) {
    const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    process.stdout.write(`${manifest.version}\n`);
    return;
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(String(values.port)) || port > 65535)
    usageError(`--port must be 0-65535, not ${values.port}`);
  if (values.auth !== "verify" && values.auth !== "off")
    usageError(`--auth must be verify or off, not ${values.auth}`);

  let seed: ReturnType<typeof parseSeedText> | undefined;
  if (typeof values.seed === "string") {
    let text: string;
    try {
      text = readFileSync(values.seed, "utf8");
    } catch (error) {
      usageError(
        `cannot read --seed ${values.seed}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
    try {
      seed = parseSeedText(text);
    } catch (error) {
      if (error instanceof SeedError) usageError(`invalid seed ${values.seed}: ${error.message}`);
      throw error;
    }
  }

  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator({
      host: values.host as string,
      port,
      ...(seed ? { seed } : {}),
      auth: values.auth,
      ...(typeof values.state === "string" ? { statePath: values.state } : {}),
      log: (line) => process.stderr.write(`${line}\n`),
    });
  } catch (error) {
    if (error instanceof SeedError) usageError(`invalid state ${values.state}: ${error.message}`);
    process.stderr.write(`fnapi-emulator: could not start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  process.stdout.write(`${emulator.url}\n`);
}

main().catch((error) => {
  process.stderr.write(`fnapi-emulator: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
