// Where the CLI writes. stdout carries the result only (a line of text, or with --json exactly one JSON
// object), so that scripts can read it; everything else (progress, --verbose, errors) goes to stderr.

export interface Output {
  readonly json: boolean;
  readonly verbose: boolean;
  /** Whether stderr is a terminal (progress is shown only there). */
  readonly interactive: boolean;
  /** The result: `human` as text, or `data` as the one JSON object of `--json`. */
  result(data: Record<string, unknown>, human: string): void;
  /** A line on stderr. */
  note(line: string): void;
}

export function processOutput(options: { json: boolean; verbose: boolean }): Output {
  return {
    ...options,
    interactive: process.stderr.isTTY === true,
    result(data, human) {
      process.stdout.write(options.json ? `${JSON.stringify(data)}\n` : human === "" ? "" : `${human}\n`);
    },
    note(line) {
      process.stderr.write(`${line}\n`);
    },
  };
}
