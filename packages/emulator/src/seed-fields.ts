import { brokenRule } from "./param-rules.js";
import type { SchemaRule } from "./spec-catalog.js";

// The checks a cloud module's seed fields are made of. Each throws a SeedError naming the field's path and
// the rule it breaks, never the value (a value may be a secret).

export class SeedError extends Error {
  override name = "SeedError";
  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field}: ${rule}`);
  }
}

/** The schemas of a module's own spec (`components.schemas`), by name: where seed rules come from. */
export interface SpecSchemas {
  schema(name: string): SchemaRule | undefined;
}

export type Obj = Record<string, unknown>;

export const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export function object(value: unknown, path: string): Obj {
  if (!isObject(value)) throw new SeedError(path, "must be an object");
  return value;
}

export function onlyKeys(value: Obj, path: string, keys: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!keys.includes(key))
      throw new SeedError(`${path}.${key}`, `is not a known field (known: ${keys.join(", ")})`);
  }
}

export function list(value: unknown, path: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new SeedError(path, "must be an array");
  return value;
}

export function string(value: unknown, path: string, rule?: { pattern: RegExp; text: string }): string {
  if (typeof value !== "string" || value === "") throw new SeedError(path, "must be a non-empty string");
  if (rule && !rule.pattern.test(value)) throw new SeedError(path, `must be ${rule.text}`);
  return value;
}

/** A non-empty string that the spec's schema `name` accepts (the same rule the API applies to requests). */
export function specString(
  value: unknown,
  path: string,
  spec: SpecSchemas,
  name: string,
  text: string,
): string {
  const text_ = string(value, path);
  const schema = spec.schema(name);
  if (!schema) throw new Error(`the spec has no schema ${name}, which the seed rules need`);
  const broken = brokenRule(text_, schema);
  if (broken) throw new SeedError(path, `must be ${text} (the spec's ${name}: ${broken})`);
  return text_;
}

export function optionalString(value: unknown, path: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new SeedError(path, "must be a string");
  return value;
}

export function instant(value: unknown, path: string): string {
  const text = string(value, path);
  if (Number.isNaN(Date.parse(text))) throw new SeedError(path, "must be an ISO-8601 date-time");
  return text;
}

export function denyList(value: unknown, path: string): string[] | undefined {
  if (value === undefined) return undefined;
  return list(value, path).map((op, i) => string(op, `${path}[${i}]`));
}

export function unique<T>(items: T[], key: (item: T) => string, path: string, what: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) throw new SeedError(`${path}[${i}]`, `duplicates ${what} ${JSON.stringify(k)}`);
    seen.add(k);
  });
}

export function withOptional<T extends Obj>(base: T, extra: Obj): T {
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (base as Obj)[k] = v;
  return base;
}

/** A credential list (`accessKey`, `secretKey`, `deny` and the given extra fields), unique by access key. */
export function credentialList<T>(
  value: unknown,
  path: string,
  extra: readonly string[],
  build: (c: Obj, path: string, base: { accessKey: string; secretKey: string; deny?: string[] }) => T,
): T[] {
  const items = list(value, path).map((raw, i) => {
    const at = `${path}[${i}]`;
    const c = object(raw, at);
    onlyKeys(c, at, ["accessKey", "secretKey", ...extra, "deny"]);
    const base = withOptional(
      {
        accessKey: string(c.accessKey, `${at}.accessKey`),
        secretKey: string(c.secretKey, `${at}.secretKey`),
      },
      { deny: denyList(c.deny, `${at}.deny`) },
    );
    return { base, item: build(c, at, base) };
  });
  unique(items, (x) => x.base.accessKey, path, "the accessKey");
  return items.map((x) => x.item);
}
