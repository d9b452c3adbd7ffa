import { checkSeed, type EmulatorState, type Seed, type SeedRules } from "./seed.js";
import { SeedError } from "./seed-fields.js";
import { lockStateFile, readStateFile, type StateLock, writeStateFile } from "./state-file.js";

// The emulator's state. A change (an API call's StateChange, a reset, a PUT, a restore) becomes the current
// state only once it is durably written to the state file, when there is one: it is applied to a copy, the
// copy is written, then it replaces the state; a write that fails throws a StateWriteError and nothing
// changes. Without a state file nothing can fail, and a change is applied in place (no copy of a large
// state per request). What was loaded at start and the named snapshots are copies of their own, so neither
// follows later changes. Reset goes back to what was loaded (the state file's content, else the seed).

export const SNAPSHOT_LIMIT = 100;
const SNAPSHOT_NAME = /^[A-Za-z0-9._-]{1,64}$/;

/** The state file could not be written: memory and file are as they were. */
export class StateWriteError extends Error {
  override name = "StateWriteError";
  constructor(readonly reason: string) {
    super(`the state file could not be written (${reason}); nothing changed`);
  }
}

/** A snapshot name breaks its rule, or no snapshot has that name (`missing`). */
export class SnapshotError extends Error {
  override name = "SnapshotError";
  constructor(
    readonly rule: string,
    readonly missing = false,
  ) {
    super(`name: ${rule}`);
  }
}

export interface StateStore {
  current(): EmulatorState;
  /** Applies a change (with a state file: to a copy, written first); throws a StateWriteError when the write fails. */
  commit(change: (state: EmulatorState) => void): void;
  /** Back to what was loaded at start. */
  reset(): void;
  /** Replaces the state with a checked seed (a SeedError names the bad field). */
  replace(seed: Seed): void;
  snapshot(name: string): void;
  restore(name: string): void;
  deleteSnapshot(name: string): boolean;
  snapshots(): string[];
  close(): void;
}

export function openStateStore(options: { seed?: Seed; statePath?: string; rules: SeedRules }): StateStore {
  const { statePath, rules } = options;
  const lock: StateLock | undefined = statePath ? lockStateFile(statePath) : undefined;
  let loaded: EmulatorState;
  let current: EmulatorState;
  const snapshots = new Map<string, EmulatorState>();

  const replaceWith = (next: EmulatorState) => {
    if (statePath) {
      try {
        writeStateFile(statePath, next);
      } catch (error) {
        throw new StateWriteError((error as NodeJS.ErrnoException).code ?? (error as Error).message);
      }
    }
    current = next;
  };
  const commit = (change: (state: EmulatorState) => void) => {
    if (!statePath) return change(current);
    const next = structuredClone(current);
    change(next);
    replaceWith(next);
  };
  const named = (name: string) => {
    if (!SNAPSHOT_NAME.test(name)) throw new SnapshotError("must be 1-64 letters, digits, . _ or -");
  };

  try {
    const seed = checkSeed(options.seed ?? {}, rules);
    const persisted = statePath ? readStateFile(statePath, rules) : undefined;
    loaded = persisted ?? seed;
    current = structuredClone(loaded);
    if (statePath && !persisted) replaceWith(current);
  } catch (error) {
    lock?.release();
    throw error;
  }

  return {
    current: () => current,
    commit,
    reset: () => replaceWith(structuredClone(loaded)),
    replace: (seed) => replaceWith(checkSeed(seed, rules)),
    snapshot(name) {
      named(name);
      if (!snapshots.has(name) && snapshots.size >= SNAPSHOT_LIMIT) {
        throw new SnapshotError(`at most ${SNAPSHOT_LIMIT} snapshots are kept; delete one first`);
      }
      snapshots.set(name, structuredClone(current));
    },
    restore(name) {
      named(name);
      const snapshot = snapshots.get(name);
      if (!snapshot) throw new SnapshotError(`no snapshot is named ${JSON.stringify(name)}`, true);
      replaceWith(structuredClone(snapshot));
    },
    deleteSnapshot: (name) => snapshots.delete(name),
    snapshots: () => [...snapshots.keys()],
    close: () => lock?.release(),
  };
}

export { SeedError };
