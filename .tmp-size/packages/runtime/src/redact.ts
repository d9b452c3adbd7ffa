// Redaction of secrets from everything an error can show. Some gateways and proxies echo the request
// (headers included) into their error pages, in whatever encoding they like; a reason phrase or a
// `Location` can carry a token too. A secret is removed in each form it can take in such text: raw,
// JSON-escaped (with or without `\/`), and percent-encoded (either hex case, `+` or `%20` for spaces).

export const REDACTED = "[REDACTED]";

/** Secrets shorter than this are not redacted: replacing every "a" would destroy the text and hide nothing. */
const MIN_SECRET_LENGTH = 4;

export interface Redactor {
  /** `text` with every form of every secret replaced by `[REDACTED]`. */
  (text: string): string;
  /** The longest form of any secret, in characters: how far a secret can straddle a cut. */
  readonly longest: number;
  /** The longest suffix of `text` that is the beginning of a secret's form (0 when none). */
  partialSuffix(text: string): number;
}

export function formsOf(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const percent = encodeURIComponent(secret);
  return [
    secret,
    json,
    json.replaceAll("/", "\\/"),
    percent,
    percent.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
    percent.replaceAll("%20", "+"),
  ];
}

export function createRedactor(secrets: Iterable<string | undefined>): Redactor {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret === "string" && secret.length >= MIN_SECRET_LENGTH) {
      for (const form of formsOf(secret)) forms.add(form);
    }
  }
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  const pattern = sorted.length ? new RegExp(sorted.map(escapeRegExp).join("|"), "g") : undefined;
  const redact = ((text: string) => (pattern ? text.replace(pattern, REDACTED) : text)) as Redactor;
  Object.defineProperty(redact, "longest", { value: sorted[0]?.length ?? 0 });
  redact.partialSuffix = (text) => {
    let best = 0;
    for (const form of sorted) {
      for (let length = Math.min(form.length - 1, text.length); length > best; length--) {
        if (text.endsWith(form.slice(0, length))) {
          best = length;
          break;
        }
      }
    }
    return best;
  };
  return redact;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
