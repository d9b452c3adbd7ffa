// What the inspector says about a refused signature (the page, the JSON request log and `fnapi emulator
// requests --failed` show the same object). Never a secret key; signatures only as their last 6 characters.

export type Problem =
  | "missing-credentials"
  | "malformed"
  | "clock-skew"
  | "unknown-access-key"
  | "expired-credential"
  | "unsigned-header"
  | "absent-signed-header"
  | "security-token"
  | "encoding"
  | "body-hash"
  | "wrong-secret"
  | "token";

export interface SignedText {
  canonicalRequest?: string;
  stringToSign: string;
}

export interface FirstDifference {
  /** Which text differs first: the canonical request when there is one, else the string to sign. */
  field: "canonicalRequest" | "stringToSign";
  /** 1-based line and column of the first character that differs. */
  line: number;
  column: number;
}

export interface SignatureExplanation {
  /** The scheme checked: `NCP signature v2`, `SDK-HMAC-SHA256`, `IAM token`. */
  scheme: string;
  problem: Problem;
  /** One plain sentence of what to fix. */
  sentence: string;
  /** The access key the request named. */
  accessKey?: string;
  /** The signature sent, as `…` and its last 6 characters. */
  signature?: string;
  /** Signed time minus the emulator's time, in seconds (positive: the signer's clock is ahead). */
  skewSeconds?: number;
  /** What the emulator computed from the request as received. */
  computed?: SignedText;
  /** What the signer built instead, as its signature shows (when the inspector could tell). */
  implied?: SignedText;
  firstDifference?: FirstDifference;
}

/** `…` and the last 6 characters: enough to tell signatures apart, too little to use one. */
export const lastSix = (value: string): string => `…${value.slice(-6)}`;

/** A duration in words: `20 min 5 s`, `42 s`. */
export function inWords(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return [h ? `${h} h` : "", m ? `${m} min` : "", rest ? `${rest} s` : ""].filter(Boolean).join(" ");
}

/** The first place two texts differ, or undefined when they are equal. */
export function firstDifference(computed: SignedText, implied: SignedText): FirstDifference | undefined {
  const field =
    computed.canonicalRequest !== undefined && implied.canonicalRequest !== undefined
      ? "canonicalRequest"
      : "stringToSign";
  const a = computed[field] ?? "";
  const b = implied[field] ?? "";
  if (a === b) return undefined;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const before = a.slice(0, i).split("\n");
  return { field, line: before.length, column: (before.at(-1) ?? "").length + 1 };
}

/** A text the client controls, shortened and quoted for a sentence. */
export const quoted = (text: string): string =>
  JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
