import type { SeedOf } from "./apis/api-module.js";
import type { EmulatorState } from "./apis/index.js";
import type { RequestRecord } from "./request-log.js";

// What startEmulator takes and gives back.

/** `S`: the state of the modules served (the built-in clouds' by default). */
export interface EmulatorOptions<S extends object = EmulatorState> {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The initial state (checked: a malformed seed throws a SeedError naming the field). Default: empty. */
  seed?: SeedOf<S>;
  /** `verify` (default) checks every signature and token; `off` accepts any credentials. */
  auth?: "verify" | "off";
  /** Load the state from this file when it exists, else write the seed there; every change is written there first. Locked while running (a second emulator gets a StateLockedError). */
  statePath?: string;
  /** When set, every control request needs `Authorization: Bearer <controlToken>`. */
  controlToken?: string;
  /** The emulator's time in epoch milliseconds (signature windows, token expiry, the `Date` header). */
  clock?: () => number;
  /** One line per API request (the CLI passes stderr). Default: nothing is logged. */
  log?: (line: string) => void;
  /** Where the bundled specs are. Default: `@fnapi/specs`' `dist/`. */
  specsDir?: string;
}

export interface Emulator<S extends object = EmulatorState> {
  /** `http://127.0.0.1:<port>`: NCF under `/ncf/api/v2` (and `/api/v2`), FunctionGraph under `/v2`, IAM under `/v3`. */
  readonly url: string;
  /** Back to the state loaded at start (the state file's, else the seed); the request log and faults are cleared. */
  reset(): void;
  /** A copy of the current state, in the seed's shape. */
  state(): S;
  /** Replaces the state (checked like a seed). */
  setState(state: SeedOf<S>): void;
  /** Saves the current state under `name` (1-64 letters, digits, `.`, `_`, `-`), in memory. */
  snapshot(name: string): void;
  /** Makes the snapshot `name` the state again (written to the state file first). */
  restore(name: string): void;
  /** The request log, oldest first. */
  requests(): RequestRecord[];
  /** The operations served, from the specs, and whether each has a handler. */
  operations(): { operationId: string; method: string; path: string; api: string; handled: boolean }[];
  /** Stops listening and releases the state file. */
  close(): Promise<void>;
}
