import { ValidationError } from "./validation-error.js";

// A header value may hold visible ASCII, spaces and tabs only (RFC 9110 field-value, minus obs-text).
// Refusing anything else up front turns a header-injection attempt (CR/LF) or a pasted-in stray newline
// into a clear error before any byte is sent. The message never quotes the value: it may be a secret; it names
// the first character at fault and where it is.

/** Not a header value's: a control character, DEL or non-ASCII, or whitespace at either end. */
const NOT_HEADER = /[^\t\x20-\x7e]|^\s|\s$/;
/** Not a key's: anything but visible ASCII, and the comma (`!`–`+`, `-`–`~`). */
const NOT_KEY = /[^!-+\--~]/;

function refuse(field: string, value: unknown, not: RegExp, rule: string): asserts value is string {
  if (typeof value !== "string" || value.length === 0) {
    throw new ValidationError(field, "is missing", "it must be a non-empty string");
  }
  const bad = not.exec(value);
  if (bad) {
    const char = bad[0];
    const what =
      char === " " || char === "\t"
        ? "whitespace"
        : char === ","
          ? "a comma"
          : `the character U+${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
    throw new ValidationError(field, `contains ${what} at position ${bad.index}`, rule);
  }
}

export function assertHeaderSafe(field: string, value: unknown): asserts value is string {
  refuse(
    field,
    value,
    NOT_HEADER,
    "it must be printable ASCII without leading or trailing whitespace (no CR, LF or other control characters)",
  );
}

/**
 * A key id or secret key: header-safe, and no whitespace or commas anywhere (a Huawei `Authorization`
 * header separates its fields with ", "; no vendor issues keys with either). Never quoted in the message.
 */
export function assertCredential(field: string, value: unknown): asserts value is string {
  refuse(
    field,
    value,
    NOT_KEY,
    "keys are printable ASCII without whitespace or commas (was something pasted in with it?)",
  );
}
