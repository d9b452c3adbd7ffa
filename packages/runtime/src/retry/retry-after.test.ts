import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./retry-after.js";

const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");

describe("parseRetryAfter: the one Retry-After parser", () => {
  it("reads delta-seconds and the three HTTP date forms", () => {
    expect(parseRetryAfter("2", now)).toBe(2000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:10 GMT", now)).toBe(10_000);
    expect(parseRetryAfter("Wednesday, 21-Oct-15 07:28:10 GMT", now)).toBe(10_000);
  });

  it("a date in the past is 0 ms", () => {
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now)).toBe(0);
  });

  it.each([
    ["1.5", "a fraction is not delta-seconds (Date.parse reads it as 2001)"],
    ["-1", "a negative number (Date.parse reads it as 2001)"],
    ["3, 3", "a header sent twice, joined by fetch: two answers are none"],
    ["2, Wed, 21 Oct 2015 07:28:10 GMT", "a list mixing both forms"],
    ["+5", "a sign"],
    ["1e3", "an exponent"],
    ["0x10", "hex"],
    ["9".repeat(13), "more digits than any sane delay"],
    ["soon", "a word"],
    ["2015-10-21T07:28:10Z", "an ISO date is not an HTTP date"],
    ["", "empty"],
    ["   ", "blank"],
  ])("%j is no answer: %s", (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });

  it("null and undefined are no answer", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
