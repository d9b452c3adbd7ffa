// The one `Retry-After` parser of the product (RFC 9110 §10.2.3): delay-seconds (1*DIGIT) or an HTTP date.
// Everything else is no answer at all — the caller falls back to its own backoff:
// - `"1.5"` and `"-1"` are not delay-seconds (digits only), and no date either, whatever `Date.parse` says
//   (it reads both as dates in 2001);
// - `"3, 3"` is what fetch makes of a header sent twice: two answers are none;
// - a date must start with its weekday, as all three HTTP date forms do.
// A date in the past is 0 ms: wait no longer.

const DELAY_SECONDS = /^\d{1,12}$/;
const HTTP_DATE = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,? [ 0-9a-z:-]+$/i;

/** `Retry-After` as milliseconds from `nowMs`, or `undefined` when it is absent or not a valid value. */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (DELAY_SECONDS.test(text)) return Number(text) * 1000;
  if (!HTTP_DATE.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
