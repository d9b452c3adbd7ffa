import type { OperationSpec } from "./spec-catalog.js";

// Matches a request's raw path against the operations' `prefix + path template`. Path parameters are the raw
// (still percent-encoded) segments; the caller decodes them.

export interface Route {
  op: OperationSpec;
  prefix: string;
  segments: string[];
}

export type RouteMatch =
  | { kind: "operation"; route: Route; rawParams: Record<string, string> }
  | { kind: "not-found"; api: string | undefined; methodMismatch: boolean };

export interface Router {
  match(method: string, rawPath: string): RouteMatch;
  /** The operations' APIs by prefix, longest first: which API answers for an unknown path. */
  apiFor(rawPath: string): string | undefined;
}

/** `extraPrefixes` serve an API under more paths than its spec's server URLs (NCF v2.0's `/api/v2`). */
export function createRouter(operations: OperationSpec[], extraPrefixes: Record<string, string[]> = {}): Router {
  const routes: Route[] = [];
  for (const op of operations) {
    for (const prefix of [...op.prefixes, ...(extraPrefixes[op.api] ?? [])]) {
      routes.push({ op, prefix, segments: op.path.split("/").slice(1) });
    }
  }
  const literals = (r: Route) => r.segments.filter((s) => !s.startsWith("{")).length;
  // Longest prefix first, then the most literal segments (so `/a/b` wins over `/a/{x}`).
  routes.sort((a, b) => b.prefix.length - a.prefix.length || literals(b) - literals(a));
  const prefixes = [...new Map(routes.map((r) => [r.prefix, r.op.api])).entries()].sort((a, b) => b[0].length - a[0].length);

  function apiFor(rawPath: string): string | undefined {
    return prefixes.find(([prefix]) => prefix === "" || rawPath === prefix || rawPath.startsWith(`${prefix}/`))?.[1];
  }

  return {
    apiFor,
    match(method, rawPath) {
      let methodMismatch = false;
      for (const route of routes) {
        if (route.prefix && !rawPath.startsWith(`${route.prefix}/`)) continue;
        const parts = rawPath.slice(route.prefix.length).split("/").slice(1);
        if (parts.length !== route.segments.length) continue;
        const rawParams: Record<string, string> = {};
        let matched = true;
        for (let i = 0; i < parts.length && matched; i++) {
          const template = route.segments[i] as string;
          const part = parts[i] as string;
          if (template.startsWith("{") && template.endsWith("}")) {
            if (part === "") matched = false;
            else rawParams[template.slice(1, -1)] = part;
          } else if (template !== part) matched = false;
        }
        if (!matched) continue;
        if (route.op.method !== method) {
          methodMismatch = true;
          continue;
        }
        return { kind: "operation", route, rawParams };
      }
      return { kind: "not-found", api: apiFor(rawPath), methodMismatch };
    },
  };
}
