#!/usr/bin/env node
import { run } from "./run.js";

// The exit code is set, not forced: stdout and stderr are flushed before the process ends.
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`fnapi: internal error: ${String((error as Error)?.name ?? "Error")}\n`);
    process.exitCode = 1;
  },
);
