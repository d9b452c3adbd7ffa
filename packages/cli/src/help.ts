import type { CommandName } from "./command-line.js";

// The --help texts. Kept beside each other so that they read alike; the README repeats them.

const GLOBAL_FLAGS = `Global flags:
  --base-url URL    the API's base URL, exactly as the clients' baseUrl: for NCF it includes /ncf/api/v2
                    (a local emulator: --base-url http://127.0.0.1:4010/ncf/api/v2)
  --region R        fgs: the FunctionGraph region (default cn-north-4); ncf: korea (default), singapore
                    or japan. --base-url overrides the host a region gives
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
  0  done, or already gone with --missing-ok
  1  an API or network error (the message carries the vendor code and the request id)
  2  bad usage or invalid input: nothing was sent`;

const MAIN = `Usage: fnapi <command> [flags]

Commands:
  fnapi ncf delete-package <name> [--platform vpc|classic] [--cascade] [--missing-ok] [--dry-run]
  fnapi ncf list-actions <package> [--platform vpc|classic]
  fnapi ncf delete-action <package> <action> [--platform vpc|classic] [--missing-ok] [--dry-run]
  fnapi fgs delete-function <urn> [--missing-ok] [--dry-run]
  fnapi fgs prune --match GLOB… [--exclude GLOB…] [--older-than 7d] [--keep-versions N] [--concurrency N]
                  [--yes] [--dry-run]
  fnapi ncf prune --match GLOB… [--exclude GLOB…] [--platform vpc|classic] [--concurrency N] [--yes] [--dry-run]
  fnapi emulator [--port N] [--seed FILE] [--state FILE] [--host H] [--auth verify|off]

${GLOBAL_FLAGS}

${CREDENTIALS}

${EXIT_CODES}

fnapi <command> --help tells more about a command.`;

const DRY_RUN = `  --dry-run         check everything (names, platform, URN, flags, credentials found) and print the
                    requests it would send; nothing is sent`;

const NCF = `Usage: fnapi ncf <command> [flags]    NAVER Cloud Functions (API v2.1)

  delete-package <name>              delete a package (with --cascade: its actions first)
  list-actions <package>             list a package's actions ("-": the actions in no package)
  delete-action <package> <action>   delete one action

${GLOBAL_FLAGS}

${CREDENTIALS}

${EXIT_CODES}`;

const FGS = `Usage: fnapi fgs <command> [flags]    Huawei FunctionGraph

  delete-function <urn>   delete a function, a version, or the version an alias points to

${GLOBAL_FLAGS}

${CREDENTIALS}

${EXIT_CODES}`;

const PRUNE_COMMON = `Plans first: lists, keeps the names matching a --match glob (* and ?; repeat the flag for more) and no
--exclude glob, and prints the plan (a table, or with --json one JSON object). --dry-run stops there: only
listing GETs are sent. Without --yes it asks on a terminal, and refuses (exit 2, nothing deleted) without one.
Then deletes, --concurrency at a time (default 4), with one back-off for the whole run when the API answers
429; already gone counts as done. SIGINT or SIGTERM stop new deletes, let those in flight finish, print what
was done and exit 130 or 143: running the same command again finishes the job. At the end it lists again
(waiting up to 10 s) and reports what is still there.
Exit codes: 0 everything planned is gone, 1 something failed or remains, 2 bad usage or refused,
130/143 interrupted.`;

const COMMAND_HELP: Record<CommandName, string> = {
  "fgs prune": `Usage: fnapi fgs prune --match GLOB [--match GLOB…] [--exclude GLOB…] [--older-than 7d]
                       [--keep-versions N] [--concurrency N] [--yes] [--dry-run] [--json]

Deletes the FunctionGraph functions whose names match (with their versions, aliases and triggers), or with
--keep-versions N only the published versions beyond the newest N of each, never latest and never a version
an alias points to (those are reported as skipped). --older-than (90s, 30m, 12h, 7d, 2w) keeps functions
modified more recently.
${PRUNE_COMMON}

${GLOBAL_FLAGS}

${CREDENTIALS}`,
  "ncf prune": `Usage: fnapi ncf prune --match GLOB [--match GLOB…] [--exclude GLOB…] [--platform vpc|classic]
                       [--concurrency N] [--yes] [--dry-run] [--json]

Deletes the Cloud Functions packages whose names match, each with its actions (the cascade).
${PRUNE_COMMON}

${GLOBAL_FLAGS}

${CREDENTIALS}`,
  "ncf delete-package": `Usage: fnapi ncf delete-package <name> [--platform vpc|classic] [--cascade] [--missing-ok] [--dry-run]

Deletes an NCF package. A package that still has actions answers 409 80109 PACKAGE_NOT_EMPTY (exit 1);
--cascade deletes its actions first (4 at a time), then the package, and lists again if an action was
created meanwhile (at most 3 rounds; a 409 is never retried blindly).

  --platform P      vpc (default) or classic; always sent
  --cascade         delete the package's actions first; progress on stderr when it is a terminal
  --missing-ok      a package that is already gone (404 80101) is a success (exit 0)
${DRY_RUN}. With --cascade it does not list the actions either:
                    fnapi ncf list-actions <name> shows what a cascade would delete

${GLOBAL_FLAGS}

${CREDENTIALS}

${EXIT_CODES}

Examples:
  fnapi ncf delete-package ci-run-1234 --cascade --missing-ok
  fnapi ncf delete-package ci-run-1234 --cascade --json | jq '.deletedActions | length'`,

  "ncf list-actions": `Usage: fnapi ncf list-actions <package> [--platform vpc|classic]

Lists the actions of an NCF package, one name a line on stdout (--json: their summaries). The package "-"
holds the actions that belong to no package.

  --platform P      vpc (default) or classic; always sent

${GLOBAL_FLAGS}

${CREDENTIALS}

${EXIT_CODES}`,

  "ncf delete-action": `Usage: fnapi ncf delete-action <package> <action> [--platform vpc|classic] [--missing-ok] [--dry-run]

Deletes one NCF action ("-" as <package>: an action in no package). The transient subnet states
(500 81313/81314) are retried.

  --platform P      vpc (default) or classic; always sent
  --missing-ok      an action that is already gone (404 80301) is a success (exit 0)
${DRY_RUN}

${GLOBAL_FLAGS}

${CREDENTIALS}

${EXIT_CODES}`,

  "fgs delete-function": `Usage: fnapi fgs delete-function <urn> [--missing-ok] [--dry-run]

Deletes a FunctionGraph function (7-field URN), one version (8 fields), or the version an alias points to
(:!alias). The URN must be in the project of the credentials (or --project-id) and, without --base-url,
in --region.
  urn:fss:<region>:<project_id>:function:<package>:<name>[:<version>|:!<alias>]

  --missing-ok      a function, version or alias that is already gone (404 FSS.1051/1052/1053) is a
                    success (exit 0)
${DRY_RUN}

${GLOBAL_FLAGS}

${CREDENTIALS}

${EXIT_CODES}`,

  emulator: `Usage: fnapi emulator [--port N] [--seed FILE] [--state FILE] [--host H] [--auth verify|off]

Runs @fnapi/emulator (the same as its fnapi-emulator bin): a local NCF + FunctionGraph + IAM on one origin,
with state, signature checks and faults. Prints its base URL alone on stdout (--json: {"url": …}), then a
line per request on stderr; stops on Ctrl-C. Point the other commands at it with
--base-url <url>/ncf/api/v2 (ncf) or --base-url <url> (fgs).

  --port N          port (default 4010; 0 picks a free one)
  --host H          interface to bind (default 127.0.0.1)
  --seed FILE       the initial state, JSON or YAML (see the @fnapi/emulator README)
  --state FILE      load the state from FILE when it exists; write it there after every change
  --auth MODE       verify (default): check every signature and token; off: accept any credentials

Exit codes: 0 stopped by Ctrl-C (SIGINT) or SIGTERM, 1 could not start (port in use),
2 bad usage or an invalid seed or state file.`,
};

export function helpText(topic: CommandName | "ncf" | "fgs" | undefined): string {
  if (topic === undefined) return MAIN;
  if (topic === "ncf") return NCF;
  if (topic === "fgs") return FGS;
  return COMMAND_HELP[topic];
}

/** What `fnapi` alone (or a usage error) shows on stderr. */
export const SHORT_USAGE = `Usage: fnapi ncf delete-package|list-actions|delete-action … | fnapi fgs delete-function <urn> | fnapi emulator
       fnapi --help for the flags, credentials and exit codes`;
