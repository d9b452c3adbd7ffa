import { ApiError, ValidationError } from "@fnapi/ncf-client";
import { SHORT_USAGE } from "./help.js";

// What a failure means for the caller: the exit code, the line on stderr and the `--json` object.
//   0  done (or already gone with --missing-ok)
//   1  an API or network error: something was sent and the cloud (or the network) said no
//   2  bad usage or invalid input: nothing was sent
// Every text here comes from the clients' errors, which never hold a secret, or from the command line.

export const EXIT_OK = 0;
export const EXIT_API = 1;
export const EXIT_USAGE = 2;

/** A command line that cannot be run: an unknown command or flag, a missing argument, a bad flag value. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  /** The command whose help to point at (`ncf delete-package`), when one was recognised. */
  readonly command: string | undefined;
  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}

export function exitCodeOf(error: unknown): number {
  // ValidationError: the clients refused the input (a name, a URN, an option, missing credentials)
  // before sending anything.
  if (error instanceof UsageError || isValidationError(error)) return EXIT_USAGE;
  return EXIT_API;
}

/** `--json` on failure: `{ "error": … }`, the error's own `toJSON()` where it has one. */
export function errorJson(error: unknown): { error: Record<string, unknown> } {
  if (isValidationError(error)) {
    return { error: { name: error.name, message: error.message, field: error.field, rule: error.rule } };
  }
  if (error instanceof UsageError) return { error: { name: error.name, message: error.message } };
  const toJSON = (error as { toJSON?: () => Record<string, unknown> } | undefined)?.toJSON;
  if (error instanceof Error && typeof toJSON === "function") return { error: toJSON.call(error) };
  return { error: { name: (error as Error)?.name ?? "Error", message: messageOf(error) } };
}

/** The stderr line(s) of a failure: what failed, the vendor code and request id, and what to do. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const facts = [
      error.requestId ? `request id ${error.requestId}` : "no request id",
      `${error.attempts} attempt${error.attempts === 1 ? "" : "s"}`,
    ];
    const code = error.code ? ` ${error.code}` : "";
    return `${error.method} ${error.url}: ${error.status}${code} ${error.message} (${facts.join(", ")})${hintFor(error)}`;
  }
  if (isValidationError(error)) {
    if (error.field === "credentials") return `${error.message}${CREDENTIALS_HINT}`;
    return `invalid ${error.message}`;
  }
  if (error instanceof UsageError) {
    return `${error.message}\n${error.command ? `(see fnapi ${error.command} --help)` : SHORT_USAGE}`;
  }
  // TimeoutError, NetworkError, RedirectError, ResponseBodyError: their messages name the call.
  return messageOf(error);
}

function hintFor(error: ApiError): string {
  if (error.status === 409 && error.code === "80109") {
    return "\nThe package still has actions: pass --cascade to delete them first.";
  }
  if (error.status === 404 && GONE_CODES.has(error.code ?? "")) {
    return "\nIt is already gone: pass --missing-ok to count that as done (exit 0).";
  }
  if (error.status === 401) {
    return "\nThe credentials were refused: check the key pair (and, for Huawei, the project id and region).";
  }
  return "";
}

/** NCF package, NCF action, FunctionGraph function, version, alias: not found. */
const GONE_CODES = new Set(["80101", "80301", "FSS.1051", "FSS.1052", "FSS.1053"]);

const CREDENTIALS_HINT =
  "\nSet them in the environment or the vendor's file (see fnapi --help); fnapi takes no secret as a flag.";

function isValidationError(error: unknown): error is ValidationError {
  // Both clients re-export @fnapi/runtime's class; the name check also covers a second copy of the runtime.
  return error instanceof ValidationError || (error as Error | undefined)?.name === "ValidationError";
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
