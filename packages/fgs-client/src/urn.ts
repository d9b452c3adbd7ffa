import { ValidationError } from "@fnapi/runtime";
import { quoteValue } from "@fnapi/runtime/internal";

// Function URNs: urn:fss:<region>:<project_id>:function:<package>:<name>[:<version> | :!<alias>].
// The field rules are those of specs/fgs.yaml (components.schemas.FunctionUrn); a test keeps them in step.

/** The rule of each URN field (pattern and wording), as in specs/fgs.yaml. */
export const URN_RULES = {
  region: {
    pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/,
    rule: "lower-case letters and digits in dash-separated words",
  },
  projectId: { pattern: /^[A-Za-z0-9]{32}$/, rule: "32 letters or digits" },
  package: { pattern: /^[A-Za-z0-9_-]{1,64}$/, rule: '1–64 letters, digits, "_" or "-"' },
  name: {
    pattern: /^[A-Za-z](?:[A-Za-z0-9_-]{0,58}[A-Za-z0-9])?$/,
    rule: 'at most 60 letters, digits, "_" or "-", starting with a letter and ending with a letter or digit',
  },
  version: {
    pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    rule: 'at most 64 letters, digits, ".", "_" or "-", starting with a letter or digit',
  },
  alias: { pattern: /^[A-Za-z0-9_-]{1,63}$/, rule: '1–63 letters, digits, "_" or "-"' },
} as const;

/** The fields of a function URN, for `formatFunctionUrn`. */
export interface FunctionUrnParts {
  /** The region, e.g. `cn-north-4`. */
  region: string;
  /** The project id (32 letters or digits). */
  projectId: string;
  /** Default `default`. */
  package?: string;
  /** The function name. */
  name: string;
  /** A version (`v20170830-181539`): only that version is deleted. */
  version?: string;
  /** An alias name without the `!`: only the version it points to is deleted. */
  alias?: string;
}

/** A URN taken apart by `parseFunctionUrn`. */
export interface ParsedFunctionUrn extends FunctionUrnParts {
  /** The package (`default` unless named). */
  package: string;
}

/**
 * Checks one field against its rule (a client's `projectId` and `region` too); `part` names it inside a URN
 * (the error's field is then `functionUrn`).
 */
export function checkUrnField(field: keyof typeof URN_RULES, value: unknown, part?: string): string {
  const { pattern, rule } = URN_RULES[field];
  if (typeof value !== "string" || !pattern.test(value)) {
    const problem =
      typeof value === "string"
        ? `${quote(value)} is invalid`
        : value === undefined
          ? "is missing"
          : `is ${value === null ? "null" : typeof value}`;
    throw new ValidationError(
      part === undefined ? field : "functionUrn",
      part === undefined ? problem : `${part} ${problem}`,
      `it must be ${rule}`,
    );
  }
  return value;
}

/** Builds a URN from its parts, checking each against the API's rules. */
export function formatFunctionUrn(parts: FunctionUrnParts): string {
  const fields = [
    "urn",
    "fss",
    checkUrnField("region", parts.region),
    checkUrnField("projectId", parts.projectId),
    "function",
    checkUrnField("package", parts.package ?? "default"),
    checkUrnField("name", parts.name),
  ];
  if (parts.version !== undefined && parts.alias !== undefined) {
    throw new ValidationError(
      "version",
      "and alias are both given",
      "a URN names a version or an alias, not both",
    );
  }
  if (parts.version === "latest") {
    throw new ValidationError(
      "version",
      "is latest, which cannot be deleted",
      "leave version out to name the whole function, or name a published version",
    );
  }
  if (parts.version !== undefined) fields.push(checkUrnField("version", parts.version));
  if (parts.alias !== undefined) fields.push(`!${checkUrnField("alias", parts.alias)}`);
  return fields.join(":");
}

const URN_SHAPE = "urn:fss:<region>:<project_id>:function:<package>:<name>[:<version>|:!<alias>]";

/** Splits a URN into its parts; throws a `ValidationError` naming the first field that breaks a rule. */
export function parseFunctionUrn(urn: string): ParsedFunctionUrn {
  if (typeof urn !== "string")
    throw new ValidationError("functionUrn", `is ${typeof urn}`, `it must be ${URN_SHAPE}`);
  const fields = urn.split(":");
  if (fields.length !== 7 && fields.length !== 8) {
    throw new ValidationError(
      "functionUrn",
      `${quote(urn)} has ${fields.length} ":"-separated fields`,
      `it must have 7 or 8: ${URN_SHAPE}`,
    );
  }
  const [urnWord, fss, region, projectId, kind, pkg, name, qualifier] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  if (urnWord !== "urn" || fss !== "fss" || kind !== "function") {
    throw new ValidationError(
      "functionUrn",
      `${quote(urn)} is not a function URN`,
      `it must be ${URN_SHAPE}`,
    );
  }
  const parsed: ParsedFunctionUrn = {
    region: checkUrnField("region", region, "region"),
    projectId: checkUrnField("projectId", projectId, "project id"),
    package: checkUrnField("package", pkg, "package"),
    name: checkUrnField("name", name, "function name"),
  };
  if (qualifier !== undefined) {
    if (qualifier.startsWith("!")) parsed.alias = checkUrnField("alias", qualifier.slice(1), "alias");
    else parsed.version = checkUrnField("version", qualifier, "version");
  }
  return parsed;
}

/** JSON-quoted, cut at 120 characters (a URN is at most ≈ 250). */
const quote = (value: string) => quoteValue(value, 120);
