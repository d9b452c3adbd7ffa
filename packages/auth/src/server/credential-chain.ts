import { ValidationError } from "../validation-error.js";
import { builtin } from "./builtin.js";
import { parseIni } from "./ini.js";

// node:fs, node:os and node:path are loaded when a chain is first asked, not when a client is imported.
const readFileSync = (path: string, encoding: "utf8") =>
  builtin<typeof import("node:fs")>("node:fs").readFileSync(path, encoding);
const homedir = () => builtin<typeof import("node:os")>("node:os").homedir();
const join = (...parts: string[]) => builtin<typeof import("node:path")>("node:path").join(...parts);

// Credentials where the vendors' own tools look for them (Node, Deno and Bun only; the web build never looks).
// Explicit options always win: the clients call these only when no credential option was given. A failure
// says where it looked, never what it found (names of variables and files, no values).

/** Where the credential chains look; injectable for tests. */
export interface CredentialSources {
  /** The environment. Default `process.env`. */
  env?: Record<string, string | undefined>;
  /** The home directory. Default `os.homedir()`. */
  home?: string;
}

/** NCP credentials found by the chain, with where they came from. */
export interface FoundNcpCredentials {
  /** The access key id. */
  accessKey: string;
  /** The secret key. */
  secretKey: string;
  /** Where they came from, e.g. `environment` or `~/.ncloud/configure [DEFAULT]`. */
  source: string;
}

/** Huawei credentials found by the chain, with where they came from. */
export interface FoundHuaweiCredentials {
  /** The access key id (AK). */
  accessKey: string;
  /** The secret access key (SK). */
  secretKey: string;
  /** For temporary credentials. */
  securityToken?: string;
  /** The project id, when the source names one. */
  projectId?: string;
  /** Where they were found (a variable or a file name; never a value). */
  source: string;
}

function environment(): Record<string, string | undefined> {
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
  } catch {
    return {}; // Deno without --allow-env
  }
}

function first(env: Record<string, string | undefined>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

/** The file's text, or why it could not be read (never its content). */
function readText(path: string): { text?: string; problem?: string } {
  try {
    return { text: readFileSync(path, "utf8") };
  } catch (error) {
    const code = (error as { code?: string; name?: string }).code ?? (error as Error).name;
    return { problem: code === "ENOENT" ? "not found" : `not readable (${code})` };
  }
}

const NCP_AK = ["NCLOUD_ACCESS_KEY_ID", "NCLOUD_ACCESS_KEY"] as const;
const NCP_SK = ["NCLOUD_SECRET_ACCESS_KEY", "NCLOUD_SECRET_KEY"] as const;

/** NCP: the environment, then `~/.ncloud/configure` (`[DEFAULT]`, or the profile in `NCLOUD_PROFILE`). */
export function findNcpCredentials(sources: CredentialSources = {}): FoundNcpCredentials {
  const env = sources.env ?? environment();
  const looked: string[] = [];
  const accessKey = first(env, NCP_AK);
  const secretKey = first(env, NCP_SK);
  if (accessKey && secretKey) return { accessKey, secretKey, source: "environment" };
  looked.push(
    accessKey || secretKey
      ? `the environment (only ${accessKey ? "an access key" : "a secret key"} is set: ${accessKey ? NCP_SK.join(" or ") : NCP_AK.join(" or ")} is missing)`
      : `the environment (${NCP_AK.join(" or ")}, ${NCP_SK.join(" or ")})`,
  );
  const profile = env.NCLOUD_PROFILE?.trim() || "DEFAULT";
  const file = join(sources.home ?? homedir(), ".ncloud", "configure");
  const { text, problem } = readText(file);
  const where = `${file} [${profile}]`;
  if (text !== undefined) {
    const section = parseIni(text).get(profile);
    const ak = section?.get("ncloud_access_key_id");
    const sk = section?.get("ncloud_secret_access_key");
    if (ak && sk) return { accessKey: ak, secretKey: sk, source: where };
    looked.push(
      `${where} (${section ? "ncloud_access_key_id and ncloud_secret_access_key are not both set" : "no such section"})`,
    );
  } else {
    looked.push(`${where} (${problem})`);
  }
  throw new ValidationError(
    "credentials",
    "were not given and were not found",
    `looked in ${looked.join("; ")}`,
  );
}

/**
 * Huawei: the environment (`HUAWEICLOUD_SDK_*`), then `~/.huaweicloud/credentials` (or the file in
 * `HUAWEICLOUD_SDK_CREDENTIALS_FILE`), section `[basic]`.
 */
export function findHuaweiCredentials(sources: CredentialSources = {}): FoundHuaweiCredentials {
  const env = sources.env ?? environment();
  const looked: string[] = [];
  const accessKey = env.HUAWEICLOUD_SDK_AK?.trim();
  const secretKey = env.HUAWEICLOUD_SDK_SK?.trim();
  if (accessKey && secretKey) {
    const securityToken = env.HUAWEICLOUD_SDK_SECURITY_TOKEN?.trim();
    const projectId = env.HUAWEICLOUD_SDK_PROJECT_ID?.trim();
    return {
      accessKey,
      secretKey,
      ...(securityToken ? { securityToken } : {}),
      ...(projectId ? { projectId } : {}),
      source: "environment",
    };
  }
  looked.push(
    accessKey || secretKey
      ? `the environment (only HUAWEICLOUD_SDK_${accessKey ? "AK" : "SK"} is set)`
      : "the environment (HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK)",
  );
  const file =
    env.HUAWEICLOUD_SDK_CREDENTIALS_FILE?.trim() ||
    join(sources.home ?? homedir(), ".huaweicloud", "credentials");
  const { text, problem } = readText(file);
  if (text !== undefined) {
    const basic = parseIni(text).get("basic");
    const ak = basic?.get("ak");
    const sk = basic?.get("sk");
    if (ak && sk) {
      const securityToken = basic?.get("security_token");
      const projectId = basic?.get("project_id") || env.HUAWEICLOUD_SDK_PROJECT_ID?.trim();
      return {
        accessKey: ak,
        secretKey: sk,
        ...(securityToken ? { securityToken } : {}),
        ...(projectId ? { projectId } : {}),
        source: `${file} [basic]`,
      };
    }
    looked.push(`${file} [basic] (${basic ? "ak and sk are not both set" : "no such section"})`);
  } else {
    looked.push(`${file} (${problem})`);
  }
  throw new ValidationError(
    "credentials",
    "were not given and were not found",
    `looked in ${looked.join("; ")}`,
  );
}

/** The project id where Huawei's tools keep it (`HUAWEICLOUD_SDK_PROJECT_ID`, then `project_id` in `[basic]`). */
export function findHuaweiProjectId(sources: CredentialSources = {}): string | undefined {
  const env = sources.env ?? environment();
  const fromEnv = env.HUAWEICLOUD_SDK_PROJECT_ID?.trim();
  if (fromEnv) return fromEnv;
  const file =
    env.HUAWEICLOUD_SDK_CREDENTIALS_FILE?.trim() ||
    join(sources.home ?? homedir(), ".huaweicloud", "credentials");
  const { text } = readText(file);
  return text === undefined ? undefined : parseIni(text).get("basic")?.get("project_id") || undefined;
}
