import { findHuaweiProjectId } from "@fnapi/auth/server";
import { createFgsClient, type FgsClient } from "@fnapi/fgs-client";
import { createNcfClient, NCF_BASE_URLS, type NcfClient } from "@fnapi/ncf-client";
import type { Invocation } from "./command.js";
import { parseTimeout } from "./command-line.js";
import { dryRunFetch, type PlannedRequest } from "./dry-run-fetch.js";
import { UsageError } from "./errors.js";
import { huaweiKeys, ncpKeys } from "./keyless.js";
import { text } from "./text.js";
import { verboseLogger } from "./verbose-log.js";

// The clients, made from the global flags. No credential is ever taken from a flag: they are found where the
// vendors' tools keep them (the invocation's environment, then the vendor's file under its home), and when
// none are found the finder throws a ValidationError saying where it looked (exit code 2). Creating a client
// sends nothing.

export interface Connection<Client> {
  client: Client;
  /** With --dry-run: the requests the client would have sent. */
  planned: PlannedRequest[] | undefined;
}

type NcfRegion = keyof typeof NCF_BASE_URLS;

function common(invocation: Invocation) {
  const { flags, command, out } = invocation;
  const dryRun = flags["dry-run"] === true;
  const planned = dryRun ? ([] as PlannedRequest[]) : undefined;
  // A dry run's attempts are answered by dryRunFetch: logging them as answers would mislead.

  const timeoutMs = parseTimeout(flags.timeout, command.name);
  const baseUrl = checkBaseUrl(flags["base-url"], command.name);
  const options = {
    ...(out.verbose && !dryRun ? { logger: verboseLogger((line) => out.note(line)) } : {}),
    fetch: planned ? dryRunFetch(planned) : invocation.fetch,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  };
  return { planned, options, baseUrl };
}

/**
 * --base-url, checked before the clients see it, so that no message ever quotes a URL's credentials: a URL
 * with `user:password@` is refused without being quoted, and any other bad URL is quoted without its userinfo.
 */
export function checkBaseUrl(value: string | undefined, command: string): string | undefined {
  if (value === undefined) return undefined;
  const hint = "it must be an http(s) URL such as https://cloudfunctions.apigw.ntruss.com/ncf/api/v2";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(text`--base-url ${withoutUserinfo(value)} is not an absolute URL; ${hint}`, command);
  }
  if (url.username !== "" || url.password !== "" || /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(value)) {
    throw new UsageError(
      text`--base-url holds credentials (user:password@ before the host), which fnapi never sends or prints; give the URL without them (credentials come from the environment, see fnapi --help)`,
      command,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(text`--base-url has the scheme ${url.protocol}; ${hint}`, command);
  }
  return value;
}

/** `value` with anything between `//` and the first `@` of its authority cut out. */
export function withoutUserinfo(value: string): string {
  return value.replace(/^([^/?#]*\/\/)[^/?#]*@/, "$1…@");
}

export function ncfConnection(
  invocation: Invocation,
  /** What a command sets itself (prune: one attempt each, its run backs off). */
  extra: { maxAttempts?: number } = {},
): Connection<NcfClient> {
  const { flags, command } = invocation;
  const { planned, options, baseUrl } = common(invocation);
  let regionUrl: string | undefined;
  if (flags.region !== undefined) {
    if (!Object.hasOwn(NCF_BASE_URLS, flags.region)) {
      throw new UsageError(
        text`--region is "${flags.region}"; for ncf it must be ${Object.keys(NCF_BASE_URLS).join(", ")}`,
        command.name,
      );
    }
    regionUrl = NCF_BASE_URLS[flags.region as NcfRegion];
  }
  const url = baseUrl ?? regionUrl;
  const client = createNcfClient({
    ...options,
    ...extra,
    ...ncpKeys(invocation, planned !== undefined),
    ...(url !== undefined ? { baseUrl: url } : {}),
  });
  return { client, planned };
}

export function fgsConnection(
  invocation: Invocation,
  /** What a command sets itself (prune: one attempt each, its run backs off). */
  extra: { maxAttempts?: number } = {},
): Connection<FgsClient> {
  const { flags } = invocation;
  const { planned, options, baseUrl } = common(invocation);
  const sources = { env: invocation.env, ...homeOf(invocation) };
  const { keys, projectId: foundProject } = huaweiKeys(invocation, planned !== undefined);
  const projectId = flags["project-id"] ?? foundProject ?? findHuaweiProjectId(sources);
  const client = createFgsClient({
    ...options,
    ...extra,
    ...keys,
    ...(projectId !== undefined ? { projectId } : {}),
    ...(baseUrl !== undefined ? { baseUrl } : {}),
    ...(flags.region !== undefined ? { region: flags.region } : {}),
  });
  return { client, planned };
}

export function homeOf(invocation: Invocation): { home?: string } {
  return invocation.home !== undefined ? { home: invocation.home } : {};
}
