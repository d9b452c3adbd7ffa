// Redaction of secrets from everything an error can show. Some gateways and proxies echo the request
// (headers included) into their error pages, in whatever encoding they like; a reason phrase or a
// `Location` can carry a token too.
//
// By construction rather than by a list of whole forms: a secret is matched character by character, and each
// character may appear in any of the encodings that servers and proxies emit (SECURITY.md lists them):
// - raw;
// - JSON and Java/JavaScript string escapes: `\"`, `\\`, `\/`, `\b\f\n\r\t`, `\uXXXX` for any character
//   (Python's `ensure_ascii`, Go's `\u003c`, Java's escapeJava; a non-BMP character as its surrogate pair);
// - `\xHH` (Python's repr of bytes, nginx's escaped log and error text);
// - percent-encoding of the UTF-8 bytes in either hex case, `+` for a space (`encodeURIComponent`,
//   `URLSearchParams`, Java's `URLEncoder`, Python's `quote`/`quote_plus`, Go's `url.QueryEscape`);
// - HTML character references: decimal `&#47;` and hexadecimal `&#x2F;` (either case, up to 4 leading
//   zeros), and the named `&amp; &lt; &gt; &quot; &apos; &sol; &plus; &equals;` (Go's html.EscapeString,
//   Python's html.escape, Java's HtmlUtils and OWASP's encoder, nginx's and Tomcat's error pages).
// Encoders differ in which characters they escape; matching per character covers each of them, and any mix.

export const REDACTED = "[REDACTED]";

/** Secrets shorter than this are not redacted: replacing every "a" would destroy the text and hide nothing. */
const MIN_SECRET_LENGTH = 4;

export interface Redactor {
  /** `text` with every form of every secret replaced by `[REDACTED]`. */
  (text: string): string;
  /** The longest form of any secret, in characters: how far a secret can straddle a cut. */
  readonly longest: number;
  /**
   * `text` redacted, keeping only what starts before character `end`: a form that starts before `end` is
   * replaced whole (however far it reaches), anything from `end` on is dropped. For a text that was cut
   * while being read: with `end` at least `longest` characters before its end, no part of a secret is kept.
   */
  head(text: string, end: number): string;
}

const NAMED: Record<string, string> = {
  "&": "amp",
  "<": "lt",
  ">": "gt",
  '"': "quot",
  "'": "apos",
  "/": "sol",
  "+": "plus",
  "=": "equals",
};
const SHORT_ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  "\b": "b",
  "\f": "f",
  "\n": "n",
  "\r": "r",
  "\t": "t",
};
const LEADING_ZEROS = "0{0,4}";
const encoder = new TextEncoder();

/** Hexadecimal digits of `code` in either case, as a pattern. */
function hexOf(code: number, width = 0): string {
  return code
    .toString(16)
    .padStart(width, "0")
    .replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`);
}

/** One character of a secret in each of its forms: a pattern, and the length of its longest form. */
function characterPattern(char: string): { pattern: string; longest: number } {
  const code = char.codePointAt(0) as number;
  const forms = [escapeRegExp(char)];
  let longest = char.length;
  const add = (pattern: string, length: number) => {
    forms.push(pattern);
    longest = Math.max(longest, length);
  };
  const short = SHORT_ESCAPES[char];
  if (short) add(`\\\\${escapeRegExp(short)}`, 2);
  const units = char.length === 1 ? [code] : [char.charCodeAt(0), char.charCodeAt(1)];
  add(units.map((unit) => `\\\\u${hexOf(unit, 4)}`).join(""), 6 * units.length);
  if (code < 0x100) add(`\\\\x${hexOf(code, 2)}`, 4);
  const bytes = [...encoder.encode(char)];
  add(bytes.map((byte) => `%${hexOf(byte, 2)}`).join(""), 3 * bytes.length);
  if (char === " ") add("\\+", 1);
  add(`&#${LEADING_ZEROS}${code};`, 7 + String(code).length);
  add(`&#[xX]${LEADING_ZEROS}${hexOf(code)};`, 8 + code.toString(16).length);
  const name = NAMED[char];
  if (name) add(`&${name};`, name.length + 2);
  return { pattern: forms.length === 1 ? (forms[0] as string) : `(?:${forms.join("|")})`, longest };
}

export function createRedactor(secrets: Iterable<string | undefined>): Redactor {
  const unique = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret === "string" && secret.length >= MIN_SECRET_LENGTH) unique.add(secret);
  }
  // Longer secrets first: of two that overlap, the longer is redacted whole.
  const sorted = [...unique].sort((a, b) => b.length - a.length);
  const cache = new Map<string, { pattern: string; longest: number }>();
  let longest = 0;
  const patterns = sorted.map((secret) => {
    let length = 0;
    let pattern = "";
    for (const char of secret) {
      let part = cache.get(char);
      if (!part) {
        part = characterPattern(char);
        cache.set(char, part);
      }
      pattern += part.pattern;
      length += part.longest;
    }
    longest = Math.max(longest, length);
    return pattern;
  });
  const pattern = patterns.length ? new RegExp(patterns.join("|"), "g") : undefined;
  const redact = ((text: string) => (pattern ? text.replace(pattern, REDACTED) : text)) as Redactor;
  Object.defineProperty(redact, "longest", { value: longest });
  redact.head = (text, end) => {
    if (!pattern) return text.slice(0, Math.max(0, end));
    let kept = "";
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      if (match.index >= end) break;
      kept += text.slice(last, match.index) + REDACTED;
      last = match.index + match[0].length;
    }
    return kept + text.slice(last, Math.max(last, end));
  };
  return redact;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
