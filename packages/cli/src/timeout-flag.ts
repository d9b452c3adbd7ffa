import { UsageError } from "./errors.js";
import { text } from "./text.js";

/** `--timeout MS`: the per-attempt bound of the clients. */
export function parseTimeout(value: string | undefined, command: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = Number(value);
  if (!/^\d+$/.test(value) || ms < 1 || ms > 2 ** 31 - 1) {
    throw new UsageError(
      text`--timeout is "${value}"; it must be a whole number of milliseconds from 1 to 2147483647`,
      command,
    );
  }
  return ms;
}
