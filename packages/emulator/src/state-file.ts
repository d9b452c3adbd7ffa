import {
  closeSync,
  fsyncSync,
  lstatSync,
  openSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { dirname, resolve } from "node:path";
import { type LockHooks, type StateLock, lockStateFile as takeLock } from "./state-lock.js";
import { checkSeedText, type SeedRules } from "./state-rules.js";

export { type StateLock, StateLockedError } from "./state-lock.js";

// `--state FILE`: loaded at start, written after every change before the change is applied and answered.
// The write goes to a temporary file beside the real file (a symlink is followed to its target), is flushed
// to disk, then renamed over it, and the folder is flushed: a killed emulator leaves the old or the new
// state, never half of one. A lock file (`FILE.lock`, the target's) keeps a second emulator off the file.

/** The file a path finally names, following symlinks (also to a target that does not exist yet). */
export function stateTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    let current = resolve(path);
    for (let hops = 0; hops < 40; hops++) {
      try {
        if (!lstatSync(current).isSymbolicLink()) return current;
      } catch {
        return current;
      }
      current = resolve(dirname(current), readlinkSync(current));
    }
    return current;
  }
}

export function readStateFile<S extends object>(path: string, rules: SeedRules<S>): S | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  return checkSeedText(text, rules);
}

export function writeStateFile(path: string, state: object): void {
  const target = stateTarget(path);
  const temporary = `${target}.${process.pid}.tmp`;
  const fd = openSync(temporary, "w", 0o600);
  try {
    try {
      writeSync(fd, `${JSON.stringify(state, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  try {
    const folder = openSync(dirname(target), "r");
    try {
      fsyncSync(folder);
    } finally {
      closeSync(folder);
    }
  } catch {
    // Not every file system flushes folders; the rename is done either way.
  }
}

/** Takes `<target>.lock` (see state-lock.ts), or throws a StateLockedError naming the holder. */
export function lockStateFile(path: string, hooks?: LockHooks): StateLock {
  return takeLock(path, `${stateTarget(path)}.lock`, hooks);
}
