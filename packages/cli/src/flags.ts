// Every flag `fnapi` knows: its type, how its value is shown in help, and the values it takes (for the
// messages). Which command takes which flag, and what the flag means there, is in the command's own file.

export interface FlagDef {
  /** `strings`: a string flag that may be repeated (`--match a --match b`). */
  type: "string" | "boolean" | "strings";
  /** The value's placeholder in help (`URL`), for string flags. */
  value?: string;
  /** The values it takes, shown when it is given without one. */
  values?: readonly string[];
  /** Its one-letter form (`-h`, `-y`), as gh and npm users expect. */
  short?: string;
}

export const FLAGS = {
  // global: every command that talks to a cloud
  "base-url": { type: "string", value: "URL" },
  region: { type: "string", value: "R" },
  zone: { type: "string", value: "Z", values: ["standard", "finance", "government"] },
  "project-id": { type: "string", value: "P" },
  timeout: { type: "string", value: "MS" },
  // everywhere
  json: { type: "boolean" },
  verbose: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
  // commands
  platform: { type: "string", value: "P", values: ["vpc", "classic"] },
  cascade: { type: "boolean" },
  "missing-ok": { type: "boolean" },
  "dry-run": { type: "boolean" },
  port: { type: "string", value: "N" },
  host: { type: "string", value: "H" },
  seed: { type: "string", value: "FILE" },
  state: { type: "string", value: "FILE" },
  auth: { type: "string", value: "MODE", values: ["verify", "off"] },
  "control-token": { type: "string", value: "TOKEN" },
  match: { type: "strings", value: "GLOB" },
  exclude: { type: "strings", value: "GLOB" },
  "older-than": { type: "string", value: "AGE" },
  "keep-versions": { type: "string", value: "N" },
  concurrency: { type: "string", value: "N" },
  yes: { type: "boolean", short: "y" },
  failed: { type: "boolean" },
  open: { type: "boolean" },
} as const satisfies Record<string, FlagDef>;

export type FlagName = keyof typeof FLAGS;

export type Flags = {
  [K in FlagName]?: (typeof FLAGS)[K]["type"] extends "string"
    ? string
    : (typeof FLAGS)[K]["type"] extends "strings"
      ? string[]
      : boolean;
};

/** Flags every command takes. */
export const EVERYWHERE: readonly FlagName[] = ["help", "version", "json", "verbose"];

export function isFlagName(name: string): name is FlagName {
  return Object.hasOwn(FLAGS, name);
}
