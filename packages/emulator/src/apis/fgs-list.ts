import type { FgsFunction } from "../seed.js";
import { failure, type HandlerContext, type HandlerResult } from "./api-module.js";

// FunctionGraph listing (listFunctions, listFunctionVersions, listVersionAliases): plain functions over the
// state, paged by `marker` (an offset) and `maxitems` (1-400; absent or 0 means 400), as Huawei's SDK models
// describe. The last page answers `next_marker` equal to `count` (an assumption: the end is not documented).

const MAX_ITEMS = 400;

/** `maxitems` as the SDK models describe it, or undefined when it is invalid (negative). */
function pageSize(query: Record<string, string>): number | undefined {
  const raw = query.maxitems;
  if (raw === undefined) return MAX_ITEMS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) return undefined;
  return n === 0 || n > MAX_ITEMS ? MAX_ITEMS : n;
}

function page<T>(items: T[], query: Record<string, string>): { slice: T[]; next: number } | HandlerResult {
  const size = pageSize(query);
  if (size === undefined) return failure(400, "FSS.0400", "Invalid parameter", "maxitems must be >= 0");
  const start = Math.min(Number(query.marker ?? "0"), items.length);
  const slice = items.slice(start, start + size);
  return { slice, next: start + slice.length };
}

const isResult = (x: unknown): x is HandlerResult => typeof x === "object" && x !== null && "status" in x;

/** When the function was last changed: its seeded `lastModified`, or the emulator's clock. */
export function lastModifiedOf(fn: FgsFunction, now: number): string {
  return fn.lastModified ?? new Date(now).toISOString();
}

function findFunction(c: HandlerContext): FgsFunction | HandlerResult {
  const fields = (c.path.function_urn as string).split(":");
  if (fields[3] !== c.path.project_id) {
    return failure(
      400,
      "FSS.0400",
      "Invalid parameter",
      "the URN's project id differs from the path's project_id",
    );
  }
  const urn = fields.slice(0, 7).join(":");
  return (
    c.state.huawei.functions.find((f) => f.urn === urn) ?? failure(404, "FSS.1051", "Function does not exist")
  );
}

export function listFunctions(c: HandlerContext): HandlerResult {
  const project = c.path.project_id as string;
  const pkg = c.query.package_name;
  const matching = c.state.huawei.functions.filter((f) => {
    const fields = f.urn.split(":");
    return fields[3] === project && (pkg === undefined || fields[5] === pkg);
  });
  const p = page(matching, c.query);
  if (isResult(p)) return p;
  return {
    status: 200,
    body: {
      functions: p.slice.map((f) => {
        const fields = f.urn.split(":");
        return {
          func_urn: `${f.urn}:latest`,
          func_name: fields[6],
          package: fields[5],
          runtime: "Node.js14.18",
          version: "latest",
          last_modified: lastModifiedOf(f, c.now),
        };
      }),
      next_marker: p.next,
      count: matching.length,
    },
  };
}

/** A version's time: from a `vYYYYMMDD-HHMMSS` name when it has one, else the function's. */
function versionTime(fn: FgsFunction, version: string, now: number): string {
  const m = /^v(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/.exec(version);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : lastModifiedOf(fn, now);
}

export function listFunctionVersions(c: HandlerContext): HandlerResult {
  const fn = findFunction(c);
  if (isResult(fn)) return fn;
  const all = ["latest", ...(fn.versions ?? [])];
  const p = page(all, c.query);
  if (isResult(p)) return p;
  return {
    status: 200,
    body: {
      versions: p.slice.map((version) => ({
        func_urn: `${fn.urn}:${version}`,
        func_name: fn.urn.split(":")[6],
        version,
        last_modified: versionTime(fn, version, c.now),
      })),
      next_marker: p.next,
      count: all.length,
    },
  };
}

export function listVersionAliases(c: HandlerContext): HandlerResult {
  const fn = findFunction(c);
  if (isResult(fn)) return fn;
  return {
    status: 200,
    body: Object.entries(fn.aliases ?? {}).map(([name, version]) => ({
      name,
      version,
      alias_urn: `${fn.urn}:!${name}`,
      last_modified: lastModifiedOf(fn, c.now),
    })),
  };
}
