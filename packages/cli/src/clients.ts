import { createFgsClient, type FgsClient } from "@fnapi/fgs-client";
import { createNcfClient, NCF_BASE_URLS, type NcfClient } from "@fnapi/ncf-client";
import { type CallLog, createCallLog } from "./call-log.js";
import { type CommandName, type Flags, parseTimeout } from "./command-line.js";
import { dryRunFetch, type PlannedRequest } from "./dry-run-fetch.js";
import { UsageError } from "./errors.js";
import type { Output } from "./output.js";

// The clients, made from the global flags. No credential option is ever passed: the clients' server build
// finds them where the vendors' tools do (and, when it finds none, throws a ValidationError saying where it
// looked: exit code 2). Creating a client sends nothing.

export interface Connection<Client> {
  client: Client;
  log: CallLog;
  /** With --dry-run: the requests the client would have sent. */
  planned: PlannedRequest[] | undefined;
}

type NcfRegion = keyof typeof NCF_BASE_URLS;

function common(flags: Flags, command: CommandName, out: Output) {
  const dryRun = flags["dry-run"] === true;
  const planned = dryRun ? ([] as PlannedRequest[]) : undefined;
  // A dry run's attempts are answered by dryRunFetch: logging them as answers would mislead.
  const log = createCallLog(out.verbose && !dryRun ? (line) => out.note(line) : undefined);
  const timeoutMs = parseTimeout(flags.timeout, command);
  const options = {
    logger: log.logger,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(planned ? { fetch: dryRunFetch(planned) } : {}),
  };
  return { log, planned, options };
}

/** `extra`: options of the command's own (prune: its fetch and maxAttempts). */
export function ncfConnection(
  flags: Flags,
  command: CommandName,
  out: Output,
  extra: object = {},
): Connection<NcfClient> {
  const { log, planned, options: base } = common(flags, command, out);
  const options = { ...base, ...extra };
  let regionUrl: string | undefined;
  if (flags.region !== undefined) {
    if (!Object.hasOwn(NCF_BASE_URLS, flags.region)) {
      throw new UsageError(
        `--region is ${JSON.stringify(flags.region)}; for ncf it must be ${Object.keys(NCF_BASE_URLS).join(", ")}`,
        command,
      );
    }
    regionUrl = NCF_BASE_URLS[flags.region as NcfRegion];
  }
  const baseUrl = flags["base-url"] ?? regionUrl;
  const client = createNcfClient({ ...options, ...(baseUrl !== undefined ? { baseUrl } : {}) });
  return { client, log, planned };
}

export function fgsConnection(
  flags: Flags,
  command: CommandName,
  out: Output,
  extra: object = {},
): Connection<FgsClient> {
  const { log, planned, options: base } = common(flags, command, out);
  const options = { ...base, ...extra };
  const client = createFgsClient({
    ...options,
    ...(flags["base-url"] !== undefined ? { baseUrl: flags["base-url"] } : {}),
    ...(flags.region !== undefined ? { region: flags.region } : {}),
    ...(flags["project-id"] !== undefined ? { projectId: flags["project-id"] } : {}),
  });
  return { client, log, planned };
}
