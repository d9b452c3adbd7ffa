#!/usr/bin/env node
import { run } from "./run.js";
import { escapeControl } from "./text.js";

// The exit code is set, not forced: stdout and stderr are flushed before the process ends.
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // run() turns every failure into an exit code; this is a bug in fnapi. The message, escaped; no stack.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    process.stderr.write(`fnapi: internal error: ${escapeControl(message)}\n`);
    process.exitCode = 1;
  },
);
