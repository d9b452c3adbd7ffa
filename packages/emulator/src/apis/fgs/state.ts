import {
  credentialList,
  instant,
  list,
  object,
  onlyKeys,
  SeedError,
  type SpecSchemas,
  specString,
  string,
  unique,
} from "../../seed-fields.js";
import type { IamSection } from "../iam/state.js";

// FunctionGraph's part of the `huawei` section: the AK/SK credentials and the functions with their versions
// and aliases. A function URN must pass specs/fgs.yaml's FunctionUrn schema (the rule the client and the API
// apply) and have exactly 7 fields (no version or alias).

export interface HuaweiCredential {
  accessKey: string;
  secretKey: string;
  /** Temporary credentials: requests must carry this value, signed, in `X-Security-Token`. */
  securityToken?: string;
  deny?: string[];
}

export interface FgsFunction {
  /** The 7-field URN `urn:fss:<region>:<project>:function:<package>:<name>`. */
  urn: string;
  /** Published versions; `latest` always exists and is not listed. */
  versions?: string[];
  /** Alias name → the version it points to (a listed version or `latest`). */
  aliases?: Record<string, string>;
  /** When the function was last changed (ISO 8601); listed as `last_modified`. Default: the emulator's clock. */
  lastModified?: string;
}

export interface FgsSection {
  credentials: HuaweiCredential[];
  functions: FgsFunction[];
}

/** What FunctionGraph and IAM read: the whole `huawei` section (they share it). */
export interface HuaweiState {
  huawei: FgsSection & IamSection;
}

const URN_TEXT = "a 7-field function URN urn:fss:<region>:<project>:function:<package>:<name>";
const VERSION = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function fn(raw: unknown, at: string, spec: SpecSchemas): FgsFunction {
  const f = object(raw, at);
  onlyKeys(f, at, ["urn", "versions", "aliases", "lastModified"]);
  const urn = specString(f.urn, `${at}.urn`, spec, "FunctionUrn", URN_TEXT);
  if (urn.split(":").length !== 7) throw new SeedError(`${at}.urn`, `must be ${URN_TEXT}`);
  const versions = list(f.versions, `${at}.versions`).map((v, j) => {
    const version = string(v, `${at}.versions[${j}]`, {
      pattern: VERSION,
      text: "a version name (letters, digits, . _ -)",
    });
    if (version === "latest")
      throw new SeedError(`${at}.versions[${j}]`, "must not be latest (it always exists)");
    return version;
  });
  unique(versions, (v) => v, `${at}.versions`, "the version");
  const aliases: Record<string, string> = {};
  for (const [alias, target] of Object.entries(object(f.aliases ?? {}, `${at}.aliases`))) {
    const aliasPath = `${at}.aliases.${alias}`;
    if (!/^[A-Za-z0-9_-]{1,63}$/.test(alias)) {
      throw new SeedError(aliasPath, "the alias name must be 1-63 letters, digits, _ or -");
    }
    const version = string(target, aliasPath);
    if (version !== "latest" && !versions.includes(version)) {
      throw new SeedError(
        aliasPath,
        `must name one of the function's versions or latest, not ${JSON.stringify(version)}`,
      );
    }
    aliases[alias] = version;
  }
  const result: FgsFunction = { urn };
  if (f.versions !== undefined) result.versions = versions;
  if (f.aliases !== undefined) result.aliases = aliases;
  if (f.lastModified !== undefined) result.lastModified = instant(f.lastModified, `${at}.lastModified`);
  return result;
}

export const fgsFields = {
  credentials: (raw: unknown, path: string): HuaweiCredential[] =>
    credentialList(raw, path, ["securityToken"], (c, at, base) =>
      c.securityToken === undefined
        ? base
        : { ...base, securityToken: string(c.securityToken, `${at}.securityToken`) },
    ),
  functions(raw: unknown, path: string, spec: SpecSchemas): FgsFunction[] {
    const functions = list(raw, path).map((item, i) => fn(item, `${path}[${i}]`, spec));
    unique(functions, (f) => f.urn, path, "the function");
    return functions;
  },
};
