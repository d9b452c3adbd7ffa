import type { ValidationError } from "@fnapi/ncf-client";

// A ValidationError's message in the CLI's words: a client's field name (`projectId`) becomes the flag or
// argument a user typed (`--project-id`, `the <urn> argument`). Shared by errors.ts and hints.ts.

const LABELS: Record<string, string> = {
  platform: "--platform",
  projectId: "the project id",
  region: "--region",
  baseUrl: "--base-url",
  timeoutMs: "--timeout",
  function_urn: "the <urn> argument",
  functionUrn: "the <urn> argument",
  packageName: "the package name",
  actionName: "the action name",
  version: "the <urn> argument's version",
  alias: "the <urn> argument's alias",
  package: "the <urn> argument's package",
  name: "the <urn> argument's function name",
};

export function fieldKey(field: string): string {
  return field.split(/[.[ ]/)[0] ?? field;
}

/** `the project id is missing; it must be 32 letters or digits` (not `invalid projectId is missing`). */
export function validationMessage(error: ValidationError): string {
  if (!error.message.startsWith(error.field)) return error.message;
  const key = fieldKey(error.field);
  const own = LABELS[error.field];
  // `function_urn project id` -> `the <urn> argument's project id`
  const label =
    own ??
    (LABELS[key]
      ? `${LABELS[key]}${error.field.length > key.length ? "'s" : ""}${error.field.slice(key.length)}`
      : undefined);
  if (label === undefined) return error.message;
  const rest = error.message.slice(error.field.length);
  // `functionUrn project id "x" is invalid` -> `the <urn> argument's project id "x" is invalid`
  const part = own !== undefined && /^ (project id|function name|version|alias|package|region)\b/.test(rest);
  return `${label}${part ? "'s" : ""}${rest}`;
}
