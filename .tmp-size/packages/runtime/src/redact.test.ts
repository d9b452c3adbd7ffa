import { describe, expect, it } from "vitest";
import { createRedactor, formsOf, REDACTED } from "./redact.js";

// A secret with every character that changes between forms: "/" (JSON `\/`), `"` and `\` (JSON escapes),
// a space (`%20` or `+`), "+" and "=" (percent-encoded in either hex case).
const secret = 'tok/en+"x\\y z=';

describe("createRedactor", () => {
  it("removes the raw form", () => {
    const redact = createRedactor([secret]);
    expect(redact(`a ${secret} b ${secret}`)).toBe(`a ${REDACTED} b ${REDACTED}`);
  });

  it("removes the JSON-escaped forms, with and without an escaped slash", () => {
    const redact = createRedactor([secret]);
    const json = JSON.stringify({ echo: secret });
    expect(json).toContain('tok/en+\\"x\\\\y z=');
    expect(redact(json)).toBe(`{"echo":"${REDACTED}"}`);
    const slashEscaped = json.replaceAll("/", "\\/");
    expect(slashEscaped).toContain("tok\\/en");
    expect(redact(slashEscaped)).toBe(`{"echo":"${REDACTED}"}`);
  });

  it("removes the percent-encoded forms: either hex case, %20 or + for a space", () => {
    const redact = createRedactor([secret]);
    const upper = encodeURIComponent(secret);
    expect(upper).toContain("%2F");
    const lower = upper.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase());
    const plus = upper.replaceAll("%20", "+");
    const form = new URLSearchParams({ t: secret }).toString();
    for (const text of [`?t=${upper}`, `?t=${lower}`, `?t=${plus}`, `?${form}`]) {
      expect(redact(text), text).not.toMatch(/tok|%2f|%2F/);
      expect(redact(text)).toContain(REDACTED);
    }
  });

  it("lists the forms it knows", () => {
    expect(formsOf("a/b c")).toEqual(["a/b c", "a/b c", "a\\/b c", "a%2Fb%20c", "a%2fb%20c", "a%2Fb+c"]);
  });

  it("redacts the longer of two overlapping secrets whole", () => {
    const redact = createRedactor(["abcd", "abcdefgh"]);
    expect(redact("xabcdefghx abcdx")).toBe(`x${REDACTED}x ${REDACTED}x`);
  });

  it("treats every secret as a literal, not a pattern", () => {
    const redact = createRedactor(["a.c*(", "$&$&"]);
    expect(redact("abc a.c*( $&$&")).toBe(`abc ${REDACTED} ${REDACTED}`);
  });

  it("ignores secrets shorter than 4 characters, empty strings and undefined", () => {
    const redact = createRedactor(["abc", "", undefined, "a"]);
    expect(redact("abc a abcabc")).toBe("abc a abcabc");
    expect(redact.longest).toBe(0);
    expect(redact.partialSuffix("abc")).toBe(0);
    expect(createRedactor(["abcd"])("abcd")).toBe(REDACTED);
  });

  it("with no secrets returns the text unchanged", () => {
    const redact = createRedactor([]);
    expect(redact("anything")).toBe("anything");
  });

  it("knows the longest form, so a cut can leave room for it", () => {
    const redact = createRedactor(["a b/c", "xxxxxx"]);
    // forms of "a b/c": the longest is the percent-encoded "a%20b%2Fc" (9 characters)
    expect(redact.longest).toBe("a%20b%2Fc".length);
  });

  describe("partialSuffix", () => {
    const redact = createRedactor(["SECRETVALUE", "p/q r"]);

    it("finds the longest end of a text that begins a secret", () => {
      expect(redact.partialSuffix("body ... SECR")).toBe(4);
      expect(redact.partialSuffix("body ... S")).toBe(1);
      expect(redact.partialSuffix("SECRETVALU")).toBe(10);
    });

    it("finds the beginning of any form, encoded ones included", () => {
      expect(redact.partialSuffix("?t=p%2Fq%2")).toBe("p%2Fq%2".length);
      expect(redact.partialSuffix('"p\\/q')).toBe("p\\/q".length);
    });

    it("is 0 when the text ends with no secret's beginning, or with a whole one", () => {
      expect(redact.partialSuffix("body")).toBe(0);
      expect(redact.partialSuffix("")).toBe(0);
      // a whole secret is not a partial one: redaction removes it
      expect(redact.partialSuffix("x SECRETVALUE")).toBe(0);
    });
  });
});
