import {
  list,
  object,
  onlyKeys,
  optionalString,
  SeedError,
  type SpecSchemas,
  specString,
  unique,
  withOptional,
} from "../../seed-fields.js";
import type { NcpSection } from "../ncf/state.js";

// What API v3 adds to the `ncp` section the v2.1 module owns (packages and actions stay there, one state
// for both APIs): the region the emulator plays (`CLASSIC` exists in Korea only) and the action versions,
// keyed by v3's names (`default` for an action in no package). Versions are VPC only, as v3 documents.

export type Region = "kr" | "sg" | "jp";

export interface NcfVersion {
  name: string;
  description?: string;
  /** RFC 3339; a seed may leave it out: seed order is creation order. */
  createdDateTime: string;
}

export interface NcfActionVersions {
  /** The action's package in v3's words: a package name, or `default` for none. */
  package: string;
  action: string;
  versions: NcfVersion[];
}

export interface NcpV3Fields {
  /** The region the emulator plays; default `kr`. */
  region: Region;
  /** Default none. */
  actionVersions: NcfActionVersions[];
}

/** What the v3 module reads: the shared `ncp` section, the v2.1 module's fields and v3's own. */
export interface NcpV3State {
  ncp: NcpSection & NcpV3Fields;
}

/** The one accessor to the shared section. */
export const ncpOf = (state: NcpV3State): NcpSection & NcpV3Fields => state.ncp;

const SEED_EPOCH = Date.parse("2026-01-01T00:00:00Z");

function region(raw: unknown, path: string): Region {
  if (raw === undefined) return "kr";
  if (raw !== "kr" && raw !== "sg" && raw !== "jp") throw new SeedError(path, 'must be "kr", "sg" or "jp"');
  return raw;
}

function versions(raw: unknown, path: string, spec: SpecSchemas): NcfVersion[] {
  const items = list(raw, path).map((item, i): NcfVersion => {
    const at = `${path}[${i}]`;
    const v = object(item, at);
    onlyKeys(v, at, ["name", "description", "createdDateTime"]);
    const created = optionalString(v.createdDateTime, `${at}.createdDateTime`);
    if (created !== undefined && Number.isNaN(Date.parse(created)))
      throw new SeedError(`${at}.createdDateTime`, "must be an RFC 3339 date-time");
    return withOptional(
      {
        name: specString(v.name, `${at}.name`, spec, "Name", "a version name"),
        createdDateTime: created ?? new Date(SEED_EPOCH + i * 1000).toISOString(),
      },
      { description: optionalString(v.description, `${at}.description`) },
    );
  });
  unique(items, (v) => v.name, path, "the version");
  return items;
}

function actionVersions(raw: unknown, path: string, spec: SpecSchemas): NcfActionVersions[] {
  const items = list(raw, path).map((item, i): NcfActionVersions => {
    const at = `${path}[${i}]`;
    const e = object(item, at);
    onlyKeys(e, at, ["package", "action", "versions"]);
    return {
      package: specString(e.package, `${at}.package`, spec, "Name", "a package name or default"),
      action: specString(e.action, `${at}.action`, spec, "Name", "an action name"),
      versions: versions(e.versions, `${at}.versions`, spec),
    };
  });
  unique(items, (e) => `${e.package}/${e.action}`, path, "the action");
  return items;
}

export const ncpV3Fields = { region, actionVersions };
