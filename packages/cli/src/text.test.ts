import { describe, expect, it } from "vitest";
import { escapeControl, jsonLine, safe, Text, text } from "./text.js";

describe("text: terminal safety by construction", () => {
  it("escapes C0, DEL, C1 and the bidi overrides; keeps the rest", () => {
    expect(escapeControl("a\u001b[2K\rb\n\t\u0007\u007f\u009b\u202e\u2066é한")).toBe(
      "a\\u001b[2K\\rb\\n\\t\\u0007\\u007f\\u009b\\u202e\\u2066é한",
    );
  });

  it("a template escapes what is interpolated, never its literal parts", () => {
    const name = "\u001b]0;pwned\u0007";
    expect(String(text`deleted ${name}\nnext`)).toBe("deleted \\u001b]0;pwned\\u0007\nnext");
    expect(String(text`kept: ${text`a\nb`}`)).toBe("kept: a\nb");
    expect(String(safe("x\ny"))).toBe("x\\ny");
  });

  it("no Text is made from a raw string outside text.ts", () => {
    expect(() => new Text("\u001b[2K", Symbol("Text"))).toThrow(TypeError);
  });

  it("jsonLine: valid JSON, the same value, no raw control character", () => {
    const value = { s: "\u001b\u0085\u009b\u202e\u2028x", n: 1 };
    const line = jsonLine(value);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u202e]/);
    expect(JSON.parse(line)).toEqual(value);
  });
});
