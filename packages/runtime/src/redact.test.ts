import { describe, expect, it } from "vitest";
import { createRedactor, REDACTED } from "./redact.js";
import { ENCODINGS } from "./test/encodings.js";

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
    expect(redact.head("abc", 2)).toBe("ab");
    expect(createRedactor(["abcd"])("abcd")).toBe(REDACTED);
  });

  it("with no secrets returns the text unchanged", () => {
    const redact = createRedactor([]);
    expect(redact("anything")).toBe("anything");
  });

  it("knows the longest form, so a cut can leave room for it", () => {
    const redact = createRedactor(["ab/c", "xxx"]);
    // a bound on the longest form of a UTF-16 unit (`&#x0000FFFF;`), times the longest secret's length
    expect(redact.longest).toBe(4 * 12);
    expect(redact.longest).toBeGreaterThanOrEqual("&#x000061;&#x000062;&#x00002f;&#x000063;".length);
  });

  describe("head", () => {
    const redact = createRedactor(["SECRETVALUE", "p/q r"]);

    it("keeps what starts before the end, and redacts a form that starts there whole", () => {
      expect(redact.head("body SECRETVALUE tail", 5)).toBe("body ");
      expect(redact.head("body SECRETVALUE tail", 6)).toBe(`body ${REDACTED}`);
      expect(redact.head("body SECRETVALUE tail", 19)).toBe(`body ${REDACTED} ta`);
      expect(redact.head("?t=p%2Fq+r&x=SECR", 11)).toBe(`?t=${REDACTED}&`);
    });

    it("never keeps a secret cut short at the end, when the end leaves room for the longest form", () => {
      const text = `${"x".repeat(50)}SECRETVAL`;
      expect(redact.head(text, text.length - redact.longest)).not.toContain("SEC");
    });
  });
});

/** A small seeded generator: the same secrets on every run, many different ones across the run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
const ALPHABET = "abcXYZ0189!\"#$%&'()*+-./:;<=>?@[\\]^_`{|}~ \u00e9\u00ff\u2603\u{1F600}".match(
  /./gu,
) as string[];

describe("every encoding servers emit (property over random secrets)", () => {
  for (const [name, encode] of Object.entries(ENCODINGS)) {
    // 60 random secrets each: enough variety, and a bound that holds on a loaded machine.
    it(`redacts secrets echoed as ${name}`, { timeout: 60_000 }, () => {
      const next = random(name.length * 7919);
      for (let run = 0; run < 60; run++) {
        const length = 8 + Math.floor(next() * 40);
        let secret = "";
        for (let i = 0; i < length; i++) secret += ALPHABET[Math.floor(next() * ALPHABET.length)];
        const redact = createRedactor([secret]);
        const echoed = encode(secret);
        const page = `<p>before ${encode("header: ")}${echoed}${encode(" after")}</p>`;
        const clean = redact(page);
        expect(clean, `${JSON.stringify(secret)} as ${echoed}`).toContain(REDACTED);
        expect(clean).not.toContain(echoed);
        expect(clean).toContain("<p>before");
        expect(clean).toContain("</p>");
      }
    });
  }
});
