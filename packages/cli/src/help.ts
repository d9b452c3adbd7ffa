import type { Command } from "./command.js";
import { commandsIn } from "./command-line.js";
import { COMMANDS } from "./commands/index.js";
import { FLAGS, type FlagName } from "./flags.js";

// The --help texts, made from the commands (commands/*.ts) and the paragraphs every command shares.

const GLOBAL_FLAGS = `Global flags:
  --base-url URL    the API's base URL, exactly as the clients' baseUrl: for NCF it includes /api/v3 (API
                    v3) or /ncf/api/v2 (v2.1), which picks the API (a local emulator: --base-url
                    http://127.0.0.1:4010/api/v3); never with user:password@
  --region R        fgs: the FunctionGraph region (default cn-north-4); ncf: korea (default), singapore
                    or japan. --base-url overrides the host a region gives
  --api API         ncf: v3 (default) or v2.1 (the legacy API; the government and financial zones keep
                    their own). Without it, --base-url's prefix decides
  --project-id P    fgs: the project id (default: HUAWEICLOUD_SDK_PROJECT_ID or project_id in the file)
  --timeout MS      bound of each attempt in milliseconds (default 30000; 3 attempts for retryable errors)
  --json            print exactly one JSON object on stdout: what was done, or {"error": …}
  --verbose         show each request and its answer on stderr (method, URL, status, vendor code,
                    request id, attempt, duration; never a key, signature or token)
  --help, --version`;

const CREDENTIALS = `Credentials come from where the vendors' own tools keep them, never from a flag (flags end up in
shell history and in ps):
  NCF  NCLOUD_ACCESS_KEY_ID (or NCLOUD_ACCESS_KEY) and NCLOUD_SECRET_ACCESS_KEY (or NCLOUD_SECRET_KEY),
       then ~/.ncloud/configure ([DEFAULT], or the profile in NCLOUD_PROFILE)
  FGS  HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK (HUAWEICLOUD_SDK_SECURITY_TOKEN, HUAWEICLOUD_SDK_PROJECT_ID),
       then ~/.huaweicloud/credentials (or HUAWEICLOUD_SDK_CREDENTIALS_FILE), section [basic]`;

const EXIT_CODES = `Exit codes:
  0    done, or already gone with --missing-ok
  1    an API or network error (the message carries the vendor code and the request id)
  2    bad usage or invalid input: nothing was sent
  130  stopped by SIGINT (Ctrl-C), 143 by SIGTERM: nothing new was started, the requests in flight
       settled (at most 5 s), and what was done is printed (text, or the one JSON object of --json)`;

const SHARED = `${GLOBAL_FLAGS}\n\n${CREDENTIALS}\n\n${EXIT_CODES}`;

/** `fnapi ncf delete-package <name> [--platform vpc|classic] [--cascade] …` */
export function usageLine(command: Command): string {
  if (command.usage !== undefined) return `fnapi ${command.name} ${command.usage}`;
  const args = command.args.map((a) => `<${a}>`);
  const flags = (Object.keys(command.flags) as FlagName[]).map((name) => {
    const def = FLAGS[name] as { type: string; value?: string; values?: readonly string[] };
    if (def.type === "boolean") return `[--${name}]`;
    return `[--${name} ${def.values ? def.values.join("|") : def.value}]`;
  });
  return ["fnapi", command.name, ...args, ...flags].join(" ");
}

function flagLines(command: Command): string {
  return (Object.entries(command.flags) as [FlagName, string][])
    .map(([name, help]) => {
      const def = FLAGS[name] as { type: string; value?: string };
      const head = `  --${name}${def.type !== "boolean" ? ` ${def.value}` : ""}`;
      const [first, ...rest] = help.split("\n");
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
  return `Usage: fnapi <command> [flags]

Commands:
${COMMANDS.map((c) => `  ${usageLine(c)}`).join("\n")}

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
