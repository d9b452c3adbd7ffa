import type { ClientCore } from "./client-core.js";
import { ValidationError } from "./errors.js";

// A client object carries its settings where standalone operations find them and nothing shows them: a
// non-enumerable property, so `util.inspect(client)`, `JSON.stringify(client)` and spreading never reach the
// auth scheme (whose closure holds the credentials).

/** The property a client object keeps its settings under (not enumerable). */
export const CORE = "__fnapiCore";

/** A client object: whatever it shows, and its settings out of sight. */
export interface ClientHandle {
  /** The client's settings, for the standalone operations (not enumerable: never shown). */
  readonly [CORE]: ClientCore;
}

/** `fields` with `core` attached out of sight. */
export function withCore<T extends object>(fields: T, core: ClientCore): T & ClientHandle {
  return Object.defineProperty(fields, CORE, { value: core }) as T & ClientHandle;
}

/** The settings of a client object. */
export function coreOf(client: ClientHandle): ClientCore {
  const core = (client as { [CORE]?: ClientCore } | null | undefined)?.[CORE];
  if (core === undefined) {
    throw new ValidationError(
      "client",
      "is not an fnapi client",
      "pass what createNcf, createFgs or create…Client returned",
    );
  }
  return core;
}
