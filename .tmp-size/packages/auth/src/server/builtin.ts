import { createRequire } from "node:module";

// A Node built-in module, loaded when first needed rather than when the package is imported: loading some of
// them (node:crypto, node:os) compiles internals that cost milliseconds of start-up (bench/, cold start).
// `process.getBuiltinModule` (Node >= 20.16, Deno, Bun) is synchronous and works in ESM and CommonJS alike;
// older Node 20 releases get it through `createRequire` (node:module is loaded at start-up anyway).
const cache = new Map<string, unknown>();

export function builtin<T>(id: string): T {
  let module = cache.get(id);
  if (module === undefined) {
    const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    module = process?.getBuiltinModule?.(id) ?? createRequire(`${globalThis.process?.cwd?.() ?? "."}/`)(id);
    cache.set(id, module);
  }
  return module as T;
}
