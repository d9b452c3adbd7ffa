import type { CliIo } from "./io.js";
import { jsonLine, type Printable, safe } from "./text.js";

// Where the CLI writes, and the only place that does. stdout carries the result only (a line of text, or
// with --json exactly one JSON object), so that scripts can read it; everything else (progress, --verbose,
// errors) goes to stderr. Text is escaped by construction (text.ts): a plain string given here is escaped
// whole; only the literal parts of a `text` template reach the terminal as written.

export interface Output {
  readonly json: boolean;
  readonly verbose: boolean;
  /** Whether stderr is a terminal (progress is shown only there). */
  readonly interactive: boolean;
  /** The result: `human` as text, or `data` as the one JSON object of `--json`. */
  result(data: Record<string, unknown>, human: Printable): void;
  /** A line on stderr. */
  note(line: Printable): void;
  /** Text of ours written to stdout as it is (a completion script): never server text. */
  raw(script: string): void;
}

export function createOutput(io: CliIo, options: { json: boolean; verbose: boolean }): Output {
  let resultWritten = false;
  return {
    ...options,
    interactive: io.isTTY === true,
    result(data, human) {
      // --json promises exactly one object: a second result (never expected) goes to stderr as a note.
      if (options.json) {
        if (resultWritten) io.stderr.write(`${jsonLine(data)}\n`);
        else io.stdout.write(`${jsonLine(data)}\n`);
        resultWritten = true;
        return;
      }
      const line = safe(human).toString();
      if (line !== "") io.stdout.write(`${line}\n`);
    },
    note(line) {
      io.stderr.write(`${safe(line)}\n`);
    },
    raw(script) {
      io.stdout.write(script);
    },
  };
}
