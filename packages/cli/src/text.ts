// Terminal safety by construction. Every string that reaches the terminal is either written by us (the
// literal parts of a `text` template) or escaped: a server's message, an action name, a request id, a URL,
// the user's own argv. Escaped are the C0 controls (ESC, BEL, CR, LF, …), DEL, the C1 controls (U+0080–
// U+009F, which some terminals read as CSI/OSC) and the bidirectional overrides (U+202A–U+202E, U+2066–
// U+2069, U+200E/U+200F, which reorder what is shown). They print as `\u001b`, `\n`…: visible, never acted on.

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const SHORT: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function hex(char: string): string {
  return `\\u${(char.codePointAt(0) as number).toString(16).padStart(4, "0")}`;
}

/** `value` with every control character and bidi override replaced by a visible escape (`\u001b`, `\n`). */
export function escapeControl(value: string): string {
  return value.replace(UNSAFE, (char) => SHORT[char] ?? hex(char));
}

const MAKER = Symbol("Text");

/** Text that is safe to print: made only in this module (`text`, `join`, `safe`), never from a raw string. */
export class Text {
  readonly #value: string;
  constructor(value: string, maker: symbol) {
    if (maker !== MAKER) throw new TypeError("a Text is made by text`…`, join() or safe()");
    this.#value = value;
  }
  toString(): string {
    return this.#value;
  }
}

function make(value: string): Text {
  return new Text(value, MAKER);
}

export type Printable = Text | string | number | boolean | bigint | null | undefined;

function piece(value: Printable): string {
  return value instanceof Text ? value.toString() : escapeControl(String(value));
}

/** A template whose literal parts are ours and whose every interpolated value is escaped (a Text is kept). */
export function text(literals: TemplateStringsArray, ...values: Printable[]): Text {
  let out = literals[0] ?? "";
  for (let i = 0; i < values.length; i++) out += piece(values[i]) + (literals[i + 1] ?? "");
  return make(out);
}

/** Texts (or strings, escaped) joined by `separator` (ours). */
export function join(parts: readonly Printable[], separator = "\n"): Text {
  return make(parts.map(piece).join(separator));
}

/** A value as printable text: a Text is kept, anything else is escaped whole. */
export function safe(value: Printable): Text {
  return value instanceof Text ? value : make(escapeControl(String(value)));
}

// JSON.stringify escapes C0 but leaves DEL, C1 and the bidi overrides raw. They can only occur inside JSON
// strings (the syntax is ASCII), so replacing them with \uXXXX keeps the document valid and its value equal.
const JSON_UNSAFE = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** One line of JSON with no character a terminal acts on. */
export function jsonLine(data: unknown): string {
  return JSON.stringify(data).replace(JSON_UNSAFE, hex);
}
