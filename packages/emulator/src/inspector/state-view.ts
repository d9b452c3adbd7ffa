import type { RequestRecord } from "../request-log.js";
import type { StateSections } from "./state-access.js";

// What the page's state view shows: the resources of each cloud, flattened into rows, with no secret (no
// secret key or password; token values as `****` and their last 4 characters), and the delete history:
// the successful delete requests still in the request log, newest first.

const mask = (token: string) => `****${token.length > 16 ? token.slice(-4) : ""}`;

export interface DeleteEntry {
  time: string;
  cloud: string;
  operation: string;
  target: string;
  credential?: string;
  requestId: string;
}

export function stateView(sections: StateSections, records: readonly RequestRecord[]) {
  const { packages } = sections.ncp;
  const { functions, users, tokens, projects } = sections.huawei;
  return {
    ncf: {
      packages: packages.map((p) => ({
        name: p.name,
        platform: p.platform,
        actions: p.actions.length,
        ...(p.description !== undefined ? { description: p.description } : {}),
      })),
      actions: packages.flatMap((p) =>
        p.actions.map((a) => {
          const action = typeof a === "string" ? { name: a } : a;
          return { package: p.name, platform: p.platform, name: action.name, runtime: action.runtime ?? "" };
        }),
      ),
    },
    fgs: {
      functions: functions.map((f) => ({
        urn: f.urn,
        versions: ["latest", ...(f.versions ?? [])],
        lastModified: f.lastModified ?? "",
      })),
      aliases: functions.flatMap((f) =>
        Object.entries(f.aliases ?? {}).map(([name, version]) => ({ function: f.urn, name, version })),
      ),
    },
    iam: {
      users: users.map((u) => ({ domain: u.domain, name: u.name })),
      tokens: tokens.map((t) => ({
        token: mask(t.token),
        expiresAt: t.expiresAt,
        projectId: t.projectId ?? "",
      })),
      projects: projects.map((p) => ({ id: p.id, name: p.name })),
    },
    deleted: deleteHistory(records),
  };
}

export function cloudOf(path: string): string {
  if (path.startsWith("/v3/")) return "iam";
  if (path.startsWith("/v2/")) return "fgs";
  return "ncf";
}

function deleteHistory(records: readonly RequestRecord[]): DeleteEntry[] {
  return records
    .filter((r) => r.method === "DELETE" && r.status >= 200 && r.status < 300 && r.operation !== null)
    .map((r) => ({
      time: r.time,
      cloud: cloudOf(r.path),
      operation: r.operation as string,
      target: `${r.path}${r.query ? `?${r.query}` : ""}`,
      ...(r.credential !== undefined ? { credential: r.credential } : {}),
      requestId: r.requestId,
    }))
    .reverse();
}
