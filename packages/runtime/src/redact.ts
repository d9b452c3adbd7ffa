// Redaction of secrets from everything an error can show. Some gateways and proxies echo the request
// (headers included) into their error pages, in whatever encoding they like; a reason phrase or a
// `Location` can carry a token too.
//
// By construction rather than by a list of whole forms: a secret is matched character by character, and each
// character may appear in any of the encodings that servers and proxies emit (SECURITY.md lists them):
// - raw;
// - JSON and Java/JavaScript string escapes: `\"`, `\\`, `\/`, `\uXXXX` for any character
//   (Python's `ensure_ascii`, Go's `\u003c`, Java's escapeJava; a non-BMP character as its surrogate pair);
// - percent-encoding of the UTF-8 bytes in either hex case, `+` for a space (`encodeURIComponent`,
//   `URLSearchParams`, Java's `URLEncoder`, Python's `quote`/`quote_plus`, Go's `url.QueryEscape`);
// - HTML character references: decimal `&#47;` and hexadecimal `&#x2F;` (either case, up to 4 leading
//   zeros), and the named `&amp; &lt; &gt; &quot; &apos;` (Go's html.EscapeString,
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
};
const encoder = new TextEncoder();

/** Hexadecimal digits of `code` in either case, at least `width` of them, as a pattern. */
const hexOf = (code: number, width: number) =>
  code
    .toString(16)
    .padStart(width, "0")
    .replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`);

/** Patterns made so far, by character: secrets' characters come from a small alphabet. */
const patternOf = new Map<string, string>();

/** One character of a secret in each of its forms, as a pattern. */
function characterPattern(char: string): string {
  const known = patternOf.get(char);
  if (known) return known;
  const code = char.codePointAt(0) as number;
  const forms = [
    escapeRegExp(char),
    // a non-BMP character as its surrogate pair: `split` cuts UTF-16 units
    char
      .split("")
      .map((unit) => `\\\\u${hexOf(unit.charCodeAt(0), 4)}`)
      .join(""),
    [...encoder.encode(char)].map((byte) => `%${hexOf(byte, 2)}`).join(""),
    `&#0{0,4}${code};`,
    `&#[xX]0{0,4}${hexOf(code, 1)};`,
  ];
  if ('"\\/'.includes(char)) forms.push(`\\\\${escapeRegExp(char)}`);
  if (char === " ") forms.push("\\+");
  if (NAMED[char]) forms.push(`&${NAMED[char]};`);
  const pattern = `(?:${forms.join("|")})`;
  patternOf.set(char, pattern);
  return pattern;
}

export function createRedactor(secrets: Iterable<string | undefined>): Redactor {
  const unique = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret === "string" && secret.length >= MIN_SECRET_LENGTH) unique.add(secret);
  }
  // Longer secrets first: of two that overlap, the longer is redacted whole.
  const sorted = [...unique].sort((a, b) => b.length - a.length);
  const patterns = sorted.map((secret) => {
    let pattern = "";
    for (const char of secret) pattern += characterPattern(char);
    return pattern;
  });
  const pattern = patterns.length ? new RegExp(patterns.join("|"), "g") : undefined;
  const redact = (text: string) => (pattern ? text.replace(pattern, REDACTED) : text);
  return Object.assign(redact, {
    // The longest form of one UTF-16 unit is 12 characters (`&#x0000FFFF;`, `&#000065535;`).
    longest: (sorted[0]?.length ?? 0) * 12,
    head(text: string, end: number) {
      // `end` is never negative: a cut text is at least `longest` characters long
      // Keep up to `end`, and whole any form that starts before it; then redact what is kept.
      let cut = end;
      for (const match of pattern ? text.matchAll(pattern) : []) {
        if (match.index >= end) break;
        cut = Math.max(cut, match.index + match[0].length);
      }
      return redact(text.slice(0, cut));
    },
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
