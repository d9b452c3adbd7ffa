import { isGone as isFgsGone } from "@fnapi/fgs-client";
import { ApiError, isGone as isNcfGone, ValidationError } from "@fnapi/ncf-client";
import { baseUrlHint, zoneRefusal } from "./hints.js";
import { InterruptedError } from "./interrupt.js";
import { join, type Printable, safe, type Text, text } from "./text.js";
import { fieldKey, validationMessage } from "./validation-message.js";

// What a failure means for the caller: the exit code, the line on stderr and the `--json` object.
//   0  done (or already gone with --missing-ok)
//   1  an API or network error: something was sent and the cloud (or the network) said no
//   2  bad usage or invalid input: nothing was sent; or a prune refused or declined: nothing was deleted
//   130, 143  stopped by SIGINT, SIGTERM (interrupt.ts)
// Every message names what fixes it (a flag, an argument, a variable). Every text from a server or the
// command line is escaped when printed (text.ts); the clients' errors never hold a secret.

export const EXIT_OK = 0;
export const EXIT_API = 1;
export const EXIT_USAGE = 2;

/** A command line that cannot be run: an unknown command or flag, a missing argument, a bad flag value. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  /** The command whose help to point at (`ncf delete-package`), when one was recognised. */
  readonly command: string | undefined;
  /** The message, safe to print. */
  readonly text: Text;
  constructor(message: Printable, command?: string) {
    const line = safe(message);
    super(line.toString());
    this.text = line;
    this.command = command;
  }
}

/** A prune's question answered no: nothing was deleted (exit 2, as a refusal without --yes). */
export class DeclinedError extends Error {
  override readonly name = "DeclinedError";
}

/** The error a failure is about: a cascade that failed midway is about what stopped it. */
function rootOf(error: unknown): unknown {
  if ((error as Error | undefined)?.name === "CascadeDeleteError") {
    const cause = (error as { cause?: unknown }).cause;
    if (cause !== undefined) return cause;
  }
  return error;
}

export function exitCodeOf(error: unknown): number {
  const root = rootOf(error);
  // ValidationError: the clients refused the input (a name, a URN, an option, missing credentials)
  // before sending anything.
  if (root instanceof UsageError || root instanceof DeclinedError || isValidationError(root))
    return EXIT_USAGE;
  return EXIT_API;
}

/** `--json` on failure: `{ "error": … }`, the error's own `toJSON()` where it has one. */
export function errorJson(error: unknown): { error: Record<string, unknown> } {
  const root = rootOf(error);
  if (isValidationError(root)) {
    const fix = fixFor(root);
    return {
      error: {
        name: root.name,
        message: validationMessage(root),
        field: root.field,
        rule: root.rule,
        ...(fix ? { fix: fix.toString() } : {}),
      },
    };
  }
  if (root instanceof UsageError) return { error: { name: root.name, message: root.message } };
  if (root instanceof InterruptedError)
    return { error: { name: "Interrupted", message: root.message, signal: root.signal } };
  const toJSON = (root as { toJSON?: () => Record<string, unknown> } | undefined)?.toJSON;
  if (root instanceof Error && typeof toJSON === "function") {
    const data = toJSON.call(root);
    return {
      error: { ...data, ...(root.name === "NetworkError" ? { message: networkMessage(root) } : {}) },
    };
  }
  return { error: { name: (root as Error)?.name ?? "Error", message: messageOf(root) } };
}

/** The stderr line(s) of a failure: what failed, the vendor code and request id, and what to do. */
export function describeError(error: unknown): Text {
  const root = rootOf(error);
  if (root instanceof ApiError) {
    const facts = [
      root.requestId ? text`request id ${root.requestId}` : text`no request id`,
      text`${root.attempts} attempt${root.attempts === 1 ? "" : "s"}`,
    ];
    const code = root.code ? text` ${root.code}` : text``;
    return text`${root.method} ${root.url}: ${root.status}${code} ${root.message} (${join(facts, ", ")})${hintFor(root)}`;
  }
  if (isValidationError(root)) {
    if (root.field === "credentials") return text`${root.message}${CREDENTIALS_HINT}`;
    const zone = zoneRefusal(root);
    if (zone) return zone;
    const fix = fixFor(root);
    return fix ? text`${validationMessage(root)}\n${fix}` : safe(validationMessage(root));
  }
  if (root instanceof UsageError) {
    return root.command
      ? text`${root.text}\n(see fnapi ${root.command} --help)`
      : text`${root.text}\n${SHORT_USAGE}`;
  }
  if (root instanceof InterruptedError) return text`interrupted by ${root.signal}`;
  if (root instanceof Error && root.name === "NetworkError") return safe(networkMessage(root));
  // TimeoutError, RedirectError, ResponseBodyError: their messages name the call.
  return safe(messageOf(root));
}

/** The usage summary shown under a usage error that names no command. */
export const SHORT_USAGE = text`Usage: fnapi <command> [flags]
       fnapi (or fnapi --help) lists every command; fnapi <command> --help tells its flags`;

/** The clients' "already gone" (a boolean, so that it narrows nothing). */
function isGone(error: unknown): boolean {
  return isNcfGone(error) || isFgsGone(error);
}

function hintFor(error: ApiError): Text {
  const wrongBase = baseUrlHint(error);
  if (wrongBase.toString() !== "") return wrongBase;
  if (error.status === 409 && error.code === "80109") {
    return text`\nThe package still has actions: pass --cascade to delete them first.`;
  }
  // The clients' own rule (written once per cloud, specs/already-gone.md).
  if (isGone(error)) {
    return text`\nIt is already gone: pass --missing-ok to count that as done (exit 0).`;
  }
  if (error.status === 400 && (error.code === "80102" || error.code === "80302")) {
    const other = /[?&]platform=classic(&|$)/.test(error.url) ? "vpc" : "classic";
    return text`\nThe package is on the other platform: pass --platform ${other}.`;
  }
  if (error.status === 401) {
    return text`\nThe credentials were refused: check the key pair (and, for Huawei, --project-id or HUAWEICLOUD_SDK_PROJECT_ID, and --region).`;
  }
  return text``;
}

const CREDENTIALS_HINT = text`
Set them in the environment or the vendor's file (see fnapi --help); fnapi takes no secret as a flag.`;

// A ValidationError's field, as the user knows it (the flag or argument), and what fixes it.

const FIXES: Record<string, Text> = {
  platform: text`Pass --platform vpc or --platform classic.`,
  projectId: text`Pass --project-id P, or set HUAWEICLOUD_SDK_PROJECT_ID (or project_id in ~/.huaweicloud/credentials).`,
  region: text`Pass --region with a valid region (see fnapi --help).`,
  baseUrl: text`Pass --base-url with an http(s) URL.`,
  timeoutMs: text`Pass --timeout with a whole number of milliseconds.`,
  function_urn: text`Pass the URN as urn:fss:<region>:<project_id>:function:<package>:<name>[:<version>|:!<alias>].`,
  functionUrn: text`Pass the URN as urn:fss:<region>:<project_id>:function:<package>:<name>[:<version>|:!<alias>].`,
};

function fixFor(error: ValidationError): Text | undefined {
  if (/\bpass\b/i.test(error.rule)) return undefined; // the rule says what to do already

  if (fieldKey(error.field) === "function_urn" || fieldKey(error.field) === "functionUrn") {
    const region = /names region (\S+); it must be in the client's region (\S+)/.exec(error.message);
    if (region) return text`Pass --region ${region[1]} (the URN's region), or a URN in ${region[2]}.`;
    const project = /names project (\S+); it must belong to the client's project (\S+)/.exec(error.message);
    if (project)
      return text`Pass --project-id ${project[1]} (the URN's project), or a URN in project ${project[2]}.`;
  }
  return FIXES[fieldKey(error.field)];
}

// undici's and Node's codes, in words; the code follows in parentheses.
const NETWORK_WORDS: Record<string, string> = {
  UND_ERR_SOCKET: "the connection was closed before the answer was complete",
  UND_ERR_CLOSED: "the connection was closed",
  UND_ERR_CONNECT_TIMEOUT: "the connection could not be opened in time",
  UND_ERR_HEADERS_TIMEOUT: "the server did not answer in time",
  UND_ERR_BODY_TIMEOUT: "the answer stopped coming",
  UND_ERR_HEADERS_OVERFLOW: "the answer's headers were too large",
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: "the answer was shorter or longer than it said",
  ECONNREFUSED: "nothing is listening there (check --base-url, or start the emulator)",
  ECONNRESET: "the connection was reset",
  ENOTFOUND: "the host name could not be resolved (check --base-url or --region)",
  EAI_AGAIN: "the host name could not be resolved right now (DNS)",
  ETIMEDOUT: "the connection timed out",
  EHOSTUNREACH: "the host cannot be reached",
  ENETUNREACH: "the network cannot be reached",
  EPIPE: "the connection was closed while sending",
  CERT_HAS_EXPIRED: "the server's TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's TLS certificate is self-signed",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's TLS certificate could not be verified",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's TLS certificate is for another host",
};

/** `DELETE …: network error reaching h: the connection was closed before the answer was complete (UND_ERR_SOCKET) (attempt 3)` */
function networkMessage(error: Error): string {
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  const message = error.message;
  if (typeof code !== "string" || !Object.hasOwn(NETWORK_WORDS, code)) return message;
  const at = message.lastIndexOf(`: ${code}`);
  if (at === -1) return `${message}: ${NETWORK_WORDS[code]} (${code})`;
  return `${message.slice(0, at)}: ${NETWORK_WORDS[code]} (${code})${message.slice(at + code.length + 2)}`;
}

function isValidationError(error: unknown): error is ValidationError {
  // Both clients re-export @fnapi/runtime's class; the name check also covers a second copy of the runtime.
  return error instanceof ValidationError || (error as Error | undefined)?.name === "ValidationError";
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
