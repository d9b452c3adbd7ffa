#!/usr/bin/env node
import { runEmulatorCommand } from "./command.js";

// fnapi-emulator: the emulator command (command.ts) on this process's stdout, stderr and environment.
runEmulatorCommand(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`fnapi-emulator: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
