import { describe, expect, it } from "vitest";
import { parseBaseUrl } from "./base-url.js";
import { ValidationError } from "./errors.js";

const PASSWORD = "hunter2-S3cret";

function refusal(value: unknown, field?: string): ValidationError {
  try {
    parseBaseUrl(value, field);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error(`expected ${String(value)} to be refused`);
}

describe("parseBaseUrl", () => {
  it("accepts an absolute http(s) URL and drops a trailing slash", () => {
    expect(parseBaseUrl("https://api.example/v2/")).toBe("https://api.example/v2");
  });

  // #17.12: whatever is wrong with it, a URL with credentials in it is never quoted whole.
  it.each([
    `https://user:${PASSWORD}@example.com/ncf/api/v2`,
    `user:${PASSWORD}@example.com/ncf`,
    `//user:${PASSWORD}@example.com`,
    `ftp://user:${PASSWORD}@example.com`,
    `https://user:${PASSWORD}@exa mple.com`,
    `https://user:${PASSWORD}@[bad`,
    `http://:${PASSWORD}@example.com`,
    `https://${PASSWORD}@example.com/?q=1`,
    `  https://user:${PASSWORD}@example.com  `,
  ])("%s: refused, naming the field, without quoting the credentials", (value) => {
    const error = refusal(value, "endpoint");
    expect(error.field).toBe("endpoint");
    const shown = [error.message, error.rule, JSON.stringify(error), String(error.stack)].join("\n");
    expect(shown).not.toContain(PASSWORD);
    expect(shown).not.toContain(encodeURIComponent(PASSWORD));
  });

  it("still quotes a value without credentials, to show what was wrong", () => {
    expect(refusal("not a url").message).toContain('"not a url" is not an absolute URL');
  });
});
