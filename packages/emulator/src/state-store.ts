import type { SeedOf } from "./apis/api-module.js";
import { SeedError } from "./seed-fields.js";
import { lockStateFile, readStateFile, type StateLock, writeStateFile } from "./state-file.js";
import { checkSeed, type SeedRules } from "./state-rules.js";
import { expandedSize, mebibytes } from "./state-size.js";

// The emulator's state. A change (an API call's StateChange, a reset, a PUT, a restore) becomes the current
// state only once it is durably written to the state file, when there is one: it is applied to a copy, the
// copy is written, then it replaces the state; a write that fails throws a StateWriteError and nothing
// changes. Without a state file nothing can fail, and a change is applied in place (no copy of a large
// state per request). What was loaded at start and the named snapshots are copies of their own, so neither
// follows later changes. Reset goes back to what was loaded (the state file's content, else the seed).
// Snapshots are bounded in number and in what they hold together (each one is a full copy of the state).

export const SNAPSHOT_LIMIT = 100;
/** The most all snapshots together may hold (each measured like a state, expanded). */
export const SNAPSHOT_BYTE_LIMIT = 128 * 1024 * 1024;
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

export interface StateStore<S extends object = object> {
  current(): S;
  /** Applies a change (with a state file: to a copy, written first); throws a StateWriteError when the write fails. */
  commit(change: (state: S) => void): void;
  /** Back to what was loaded at start. */
  reset(): void;
  /** Replaces the state with a checked seed (a SeedError names the bad field). */
  replace(seed: SeedOf<S> | object): void;
  snapshot(name: string): void;
  restore(name: string): void;
  deleteSnapshot(name: string): boolean;
  snapshots(): string[];
  close(): void;
}

export function openStateStore<S extends object>(options: {
  seed?: SeedOf<S> | object | undefined;
  statePath?: string | undefined;
  rules: SeedRules<S>;
  snapshotByteLimit?: number;
}): StateStore<S> {
  const { statePath, rules, snapshotByteLimit = SNAPSHOT_BYTE_LIMIT } = options;
  const lock: StateLock | undefined = statePath ? lockStateFile(statePath) : undefined;
  let loaded: S;
  let current: S;
  const snapshots = new Map<string, { state: S; bytes: number }>();
  let snapshotBytes = 0;

  const replaceWith = (next: S) => {
    if (statePath) {
      try {
        writeStateFile(statePath, next);
      } catch (error) {
        throw new StateWriteError((error as NodeJS.ErrnoException).code ?? (error as Error).message);
      }
    }
    current = next;
  };
  const commit = (change: (state: S) => void) => {
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
      const previous = snapshots.get(name)?.bytes ?? 0;
      const room = snapshotByteLimit - (snapshotBytes - previous);
      const bytes = expandedSize(current, room);
      if (bytes === undefined) {
        throw new SnapshotError(
          `the snapshots may hold at most ${mebibytes(snapshotByteLimit)} together; delete one first`,
        );
      }
      snapshots.set(name, { state: structuredClone(current), bytes });
      snapshotBytes += bytes - previous;
    },
    restore(name) {
      named(name);
      const snapshot = snapshots.get(name);
      if (!snapshot) throw new SnapshotError(`no snapshot is named ${JSON.stringify(name)}`, true);
      replaceWith(structuredClone(snapshot.state));
    },
    deleteSnapshot(name) {
      snapshotBytes -= snapshots.get(name)?.bytes ?? 0;
      return snapshots.delete(name);
    },
    snapshots: () => [...snapshots.keys()],
    close: () => lock?.release(),
  };
}

export { SeedError };
