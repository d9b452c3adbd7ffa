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
export function createRouter(
  operations: OperationSpec[],
  extraPrefixes: Record<string, string[]> = {},
): Router {
  const routes: Route[] = [];
  for (const op of operations) {
    for (const prefix of [...op.prefixes, ...(extraPrefixes[op.api] ?? [])]) {
      routes.push({ op, prefix, segments: op.path.split("/").slice(1) });
    }
  }
  const literals = (r: Route) => r.segments.filter((s) => !s.startsWith("{")).length;
  // Longest prefix first, then the most literal segments (so `/a/b` wins over `/a/{x}`).
  routes.sort((a, b) => b.prefix.length - a.prefix.length || literals(b) - literals(a));

  // For a path no operation matches: the API whose routes share the longest start with it (prefix, then
  // leading literal segments), so `/ncf/api/v2/x` is NCF's and `/v3/x` IAM's.
  function apiFor(rawPath: string): string | undefined {
    let best: { api: string; score: number } | undefined;
    for (const route of routes) {
      if (route.prefix && rawPath !== route.prefix && !rawPath.startsWith(`${route.prefix}/`)) continue;
      const parts = rawPath.slice(route.prefix.length).split("/").slice(1);
      let score = route.prefix.length * 1000;
      for (let i = 0; i < route.segments.length && i < parts.length; i++) {
        const segment = route.segments[i] as string;
        if (segment.startsWith("{") || segment !== parts[i]) break;
        score += 1;
      }
      if (!best || score > best.score) best = { api: route.op.api, score };
    }
    // A path that matches no prefix and no literal segment of any API belongs to none of them: the module
    // that answers unknown paths does (with several APIs served at the host's root, the first one listed
    // would otherwise answer for all of them).
    return best && best.score > 0 ? best.api : undefined;
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
