import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { specsDir } from "./prism.js";

// Every documented status and named example of the one operation in a spec, read from the spec itself so
// that a status added to the spec is tested without touching the tests.

export interface DocumentedExample {
  status: number;
  example: string | undefined;
  value: unknown;
}

interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, { $ref?: string }> }>>;
  components: {
    responses: Record<
      string,
      { content?: Record<string, { examples?: Record<string, { value: unknown }> }> }
    >;
  };
}

export function loadSpec(spec: string): OpenApi {
  return parse(readFileSync(join(specsDir, spec), "utf8")) as OpenApi;
}

export function documentedExamples(spec: string, path: string, method: string): DocumentedExample[] {
  const doc = loadSpec(spec);
  const operation = doc.paths[path]?.[method];
  if (!operation) throw new Error(`${spec} has no ${method} ${path}`);
  const out: DocumentedExample[] = [];
  for (const [status, response] of Object.entries(operation.responses)) {
    if (status === "default") continue;
    const resolved = response.$ref
      ? doc.components.responses[response.$ref.replace("#/components/responses/", "")]
      : (response as OpenApi["components"]["responses"][string]);
    const examples = resolved?.content?.["application/json"]?.examples ?? {};
    const names = Object.keys(examples);
    if (names.length === 0) out.push({ status: Number(status), example: undefined, value: undefined });
    for (const name of names)
      out.push({ status: Number(status), example: name, value: examples[name]?.value });
  }
  return out;
}
