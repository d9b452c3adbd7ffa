import type { SchemaRule } from "./spec-catalog.js";

// The subset of JSON Schema the specs use for path and query parameters. Returns the rule a value breaks,
// in words, or undefined when it is valid. Values arrive as strings (decoded from the URL).

const patternCache = new Map<string, RegExp>();

function regExp(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    re = new RegExp(pattern, "u");
    patternCache.set(pattern, re);
  }
  return re;
}

export function brokenRule(value: string, schema: SchemaRule): string | undefined {
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length && !types.includes("string")) {
    if (
      (types.includes("integer") && /^-?\d+$/.test(value)) ||
      (types.includes("number") && value !== "" && Number.isFinite(Number(value)))
    ) {
      // a number in the URL
    } else if (types.includes("boolean") && (value === "true" || value === "false")) {
      // a boolean in the URL
    } else return `must be of type ${types.join(" or ")}`;
  }
  if (schema.const !== undefined && value !== String(schema.const))
    return `must be ${JSON.stringify(schema.const)}`;
  if (schema.enum && !schema.enum.map(String).includes(value)) {
    return `must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  const length = [...value].length;
  if (schema.minLength !== undefined && length < schema.minLength)
    return `must be at least ${schema.minLength} characters`;
  if (schema.maxLength !== undefined && length > schema.maxLength)
    return `must be at most ${schema.maxLength} characters`;
  if (schema.pattern !== undefined && !regExp(schema.pattern).test(value))
    return `must match ${schema.pattern}`;
  return undefined;
}
