import { homedir } from "node:os";

// Everything `run` touches outside itself. The default is this process; tests pass their own, so that most
// CLI tests run in-process.

/** The signals that stop a command: exit code 130 (SIGINT) or 143 (SIGTERM). */
export type StopSignal = "SIGINT" | "SIGTERM";

/** What `run` writes to and reads from; `processIo()` (the default) is this process. */
export interface CliIo {
  /** The result: a line of text, or with --json exactly one JSON object. */
  stdout: { write(text: string): unknown };
  /** Errors, progress and --verbose lines. */
  stderr: { write(text: string): unknown };
  /** Where credentials, NCLOUD_PROFILE and HUAWEICLOUD_SDK_* are read (default process.env). */
  env: Record<string, string | undefined>;
  /** The home directory of ~/.ncloud/configure and ~/.huaweicloud/credentials (default os.homedir()). */
  home?: string;
  /** Whether stderr is a terminal (cascade progress is shown only there). */
  isTTY?: boolean;
  /**
   * Subscribes to SIGINT/SIGTERM (default: the process's signals); returns the unsubscribe. While a command
   * runs, the first signal stops it (nothing new starts, in-flight requests settle), the second one hurries.
   */
  onSignal?: (listener: (signal: StopSignal) => void) => () => void;
  /** How long in-flight requests may settle after a signal, in ms (default 5000). */
  settleMs?: number;
  /** The fetch the clients use (default globalThis.fetch). */
  fetch?: typeof fetch;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    home: homedir(),
    isTTY: process.stderr.isTTY === true,
    onSignal(listener) {
      const onInt = () => listener("SIGINT");
      const onTerm = () => listener("SIGTERM");
      process.on("SIGINT", onInt);
      process.on("SIGTERM", onTerm);
      return () => {
        process.off("SIGINT", onInt);
        process.off("SIGTERM", onTerm);
      };
    },
  };
}
