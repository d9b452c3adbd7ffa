import { ValidationError } from "./validation-error.js";

// A header value may hold visible ASCII, spaces and tabs only (RFC 9110 field-value, minus obs-text).
// Refusing anything else up front turns a header-injection attempt (CR/LF) or a pasted-in stray newline
// into a clear error before any byte is sent. The message never quotes the value: it may be a secret.
const unsafe = /[^\t\x20-\x7e]/;

export function assertHeaderSafe(field: string, value: unknown): asserts value is string {
  if (typeof value !== "string" || value.length === 0) {
    throw new ValidationError(field, "is missing", "it must be a non-empty string");
  }
  const bad = unsafe.exec(value);
  if (bad) {
    const code = bad[0].codePointAt(0)?.toString(16).padStart(4, "0");
    throw new ValidationError(
      field,
      `contains the character U+${code} at position ${bad.index}`,
      "it must be printable ASCII (no CR, LF or other control characters)",
    );
  }
  if (value.trim() !== value) {
    throw new ValidationError(field, "has leading or trailing whitespace", "it must be trimmed");
  }
}

/**
 * A key id or secret key: header-safe, and no whitespace or commas anywhere (a Huawei `Authorization`
 * header separates its fields with ", "; no vendor issues keys with either). Never quoted in the message.
 */
export function assertCredential(field: string, value: unknown): asserts value is string {
  assertHeaderSafe(field, value);
  const bad = /[\s,]/.exec(value);
  if (bad) {
    throw new ValidationError(
      field,
      `contains ${bad[0] === "," ? "a comma" : "whitespace"} at position ${bad.index}`,
      "keys have no whitespace or commas (was something pasted in with it?)",
    );
  }
}
