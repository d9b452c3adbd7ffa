// What real servers and proxies emit when they echo a request: each encoder escapes a different set of
// characters. Each is a function of the echoed text.
const hex2 = (c: number) => c.toString(16).toUpperCase().padStart(2, "0");
const perChar = (text: string, encode: (char: string, code: number) => string | undefined) =>
  [...text].map((char) => encode(char, char.codePointAt(0) as number) ?? char).join("");
const utf8Percent = (char: string, upper = true) =>
  [...new TextEncoder().encode(char)].map((b) => `%${upper ? hex2(b) : hex2(b).toLowerCase()}`).join("");
const unicodeEscape = (char: string) =>
  char.length === 1
    ? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`
    : [char.charCodeAt(0), char.charCodeAt(1)].map((u) => `\\u${u.toString(16)}`).join("");
export const ENCODINGS: Record<string, (text: string) => string> = {
  raw: (text) => text,
  "JSON (JSON.stringify)": (text) => JSON.stringify(text),
  "JSON with \\/ (PHP, Java)": (text) => JSON.stringify(text).replaceAll("/", "\\/"),
  "Go JSON (\\u003c for < > &)": (text) =>
    JSON.stringify(text).replace(/[<>&]/g, (c) => `\\u00${hex2(c.charCodeAt(0)).toLowerCase()}`),
  "Python json.dumps ensure_ascii": (text) =>
    JSON.stringify(text).replace(/[\u0080-\uffff]/g, (c) => unicodeEscape(c)),
  "\\uXXXX in text that is not JSON (every non-alphanumeric)": (text) =>
    perChar(text, (c) => (/[A-Za-z0-9]/.test(c) ? undefined : unicodeEscape(c))),
  "percent (encodeURIComponent)": (text) => encodeURIComponent(text),
  "percent, lower-case hex": (text) =>
    encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
  "form (URLSearchParams)": (text) => new URLSearchParams({ v: text }).toString().slice(2),
  "Java URLEncoder": (text) =>
    perChar(text, (c) => (/[A-Za-z0-9.*_-]/.test(c) ? undefined : c === " " ? "+" : utf8Percent(c))),
  "Python quote (safe /)": (text) =>
    perChar(text, (c) => (/[A-Za-z0-9._~/-]/.test(c) ? undefined : utf8Percent(c))),
  "Go url.QueryEscape": (text) =>
    perChar(text, (c) => (/[A-Za-z0-9._~-]/.test(c) ? undefined : c === " " ? "+" : utf8Percent(c))),
  "Go html.EscapeString": (text) =>
    perChar(text, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&#39;", '"': "&#34;" })[c]),
  "Python html.escape": (text) =>
    perChar(text, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&#x27;", '"': "&quot;" })[c]),
  "OWASP HTML encoder (&#x2F;)": (text) =>
    perChar(text, (c, code) => (/[A-Za-z0-9 ]/.test(c) ? undefined : `&#x${hex2(code)};`)),
  "HTML decimal references": (text) =>
    perChar(text, (c, code) => (/[A-Za-z0-9]/.test(c) ? undefined : `&#${code};`)),
  "HTML named references (&apos;)": (text) =>
    perChar(text, (c) => ({ "&": "&amp;", "'": "&apos;", '"': "&quot;", "<": "&lt;", ">": "&gt;" })[c]),
};
