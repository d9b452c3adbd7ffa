import type { Command } from "./command.js";
import { commandsIn as commandsOf } from "./command-table.js";
import { COMMANDS } from "./commands/index.js";

const commandsIn = (group: string) => commandsOf(COMMANDS, group);

import { FLAGS, type FlagName } from "./flags.js";

// The --help texts, made from the commands (commands/*.ts) and the paragraphs every command shares.

const GLOBAL_FLAGS = `Global flags:
  --base-url URL    the API's base URL, exactly as the clients' baseUrl (default: FNAPI_NCF_BASE_URL or
                    FNAPI_FGS_BASE_URL, else the region's). NCF: with its API prefix, /ncf/api/v2 (the
                    finance and government zones: /api/v2); FunctionGraph: the bare host, no /v2.
                    A local emulator: http://127.0.0.1:4010/ncf/api/v2 and http://127.0.0.1:4010.
                    Never with user:password@
  --region R        fgs: the FunctionGraph region (default cn-north-4). ncf: korea (default), singapore,
                    japan, or one of NAVER's other zones, finance (VPC only) or government (Classic only,
                    API v2.0), whose rules then apply: no --platform is sent there. With --base-url the
                    region still gives its zone's rules; only the host changes
  --zone Z          ncf: standard, finance or government: the zone's rules for a --base-url whose host
                    does not tell them (the emulator, a proxy); default: the region's zone, else the host's
  --project-id P    fgs: the project id (default: HUAWEICLOUD_SDK_PROJECT_ID or project_id in the file)
  --timeout MS      bound of each attempt in milliseconds (default 30000; 3 attempts for retryable errors)
  --json            print exactly one JSON object on stdout: what was done, or {"error": …}
  --verbose         show each request and its answer on stderr (method, URL, status, vendor code,
                    request id, attempt, duration; never a key, signature or token)
  -h, --help, --version`;

const CREDENTIALS = `Credentials come from where the vendors' own tools keep them, never from a flag (flags end up in
shell history and in ps):
  NCF  NCLOUD_ACCESS_KEY_ID (or NCLOUD_ACCESS_KEY) and NCLOUD_SECRET_ACCESS_KEY (or NCLOUD_SECRET_KEY),
       then ~/.ncloud/configure ([DEFAULT], or the profile in NCLOUD_PROFILE)
  FGS  HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK (HUAWEICLOUD_SDK_SECURITY_TOKEN, HUAWEICLOUD_SDK_PROJECT_ID),
       then ~/.huaweicloud/credentials (or HUAWEICLOUD_SDK_CREDENTIALS_FILE), section [basic]`;

const EXIT_CODES = `Exit codes:
  0    done, or already gone with --missing-ok
  1    an API or network error (the message carries the vendor code and the request id)
  2    bad usage or invalid input: nothing was sent; or a prune refused (no --yes off a terminal) or
       declined at its prompt: nothing was deleted
  130  stopped by SIGINT (Ctrl-C), 143 by SIGTERM: nothing new was started, the requests in flight
       settled (at most 5 s), and what was done is printed (text, or the one JSON object of --json)`;

const SHARED = `${GLOBAL_FLAGS}\n\n${CREDENTIALS}\n\n${EXIT_CODES}`;

/** `fnapi ncf delete-package <name> [--platform vpc|classic] [--cascade] …` */
export function usageLine(command: Command): string {
  if (command.usage !== undefined) return `fnapi ${command.name} ${command.usage}`;
  const args = command.args.map((a) => `<${a}>`);
  const required = command.required ?? [];
  const flags = (Object.keys(command.flags) as FlagName[]).map((name) => {
    const def = FLAGS[name] as { type: string; value?: string; values?: readonly string[]; short?: string };
    const flag = def.short ? `-${def.short}|--${name}` : `--${name}`;
    if (def.type === "boolean") return `[${flag}]`;
    const usage = `${flag} ${def.values ? def.values.join("|") : def.value}`;
    return required.includes(name) ? usage : `[${usage}]`;
  });
  return ["fnapi", command.name, ...args, ...flags].join(" ");
}

function flagLines(command: Command): string {
  return (Object.entries(command.flags) as [FlagName, string][])
    .map(([name, help]) => {
      const def = FLAGS[name] as { type: string; value?: string; short?: string };
      const flag = def.short ? `-${def.short}, --${name}` : `--${name}`;
      const head = `  ${flag}${def.type !== "boolean" ? ` ${def.value}` : ""}`;
      const need = command.required?.includes(name) ? "(required) " : "";
      const [first, ...rest] = `${need}${help}`.split("\n");
      return [`${head.padEnd(20)}${first}`, ...rest.map((line) => `${" ".repeat(20)}${line}`)].join("\n");
    })
    .join("\n");
}

function commandHelp(command: Command): string {
  const parts = [`Usage: ${usageLine(command)}`, command.description];
  const own = flagLines(command);
  if (own) parts.push(own);
  parts.push(command.exitCodes ?? SHARED);
  if (command.examples?.length) parts.push(`Examples:\n${command.examples.map((e) => `  ${e}`).join("\n")}`);
  return parts.join("\n\n");
}

const GROUP_TITLES: Record<string, string> = {
  ncf: "NAVER Cloud Functions (API v2.1)",
  fgs: "Huawei FunctionGraph",
};

function groupHelp(group: string): string {
  const commands = commandsIn(group);
  const heads = commands.map((c) =>
    `${c.name.slice(group.length + 1)} ${c.args.map((a) => `<${a}>`).join(" ")}`.trim(),
  );
  const width = Math.max(...heads.map((h) => h.length)) + 3;
  const lines = commands.map((c, i) => `  ${(heads[i] as string).padEnd(width)}${c.summary}`);
  const title = GROUP_TITLES[group] ? `    ${GROUP_TITLES[group]}` : "";
  return `Usage: fnapi ${group} <command> [flags]${title}\n\n${lines.join("\n")}\n\n${SHARED}`;
}

function mainHelp(): string {
  const heads = COMMANDS.map((c) => `fnapi ${c.name} ${c.args.map((a) => `<${a}>`).join(" ")}`.trim());
  const width = Math.max(...heads.map((h) => h.length)) + 3;
  return `Usage: fnapi <command> [flags]

Commands:
${COMMANDS.map((c, i) => `  ${(heads[i] as string).padEnd(width)}${c.summary}`).join("\n")}

${SHARED}

fnapi <command> --help tells more about a command.`;
}

/** The help of a command (`ncf delete-package`), a group (`ncf`), or the whole CLI (undefined). */
export function helpText(topic: string | undefined): string {
  if (topic === undefined) return mainHelp();
  const command = COMMANDS.find((c) => c.name === topic);
  if (command) return commandHelp(command);
  if (commandsIn(topic).length > 0) return groupHelp(topic);
  return mainHelp();
}
