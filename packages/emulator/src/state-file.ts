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
import { hostname } from "node:os";
import { dirname, resolve } from "node:path";
import { checkSeedText, type SeedRules } from "./state-rules.js";

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

/** Another emulator holds the state file's lock: the CLI's exit code 1. */
export class StateLockedError extends Error {
  override name = "StateLockedError";
}

export interface StateLock {
  readonly path: string;
  release(): void;
}

interface Holder {
  pid: number;
  hostname: string;
}

function holderOf(lockPath: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(lockPath, "utf8")) as Holder;
    return Number.isInteger(holder.pid) && typeof holder.hostname === "string" ? holder : undefined;
  } catch {
    return undefined;
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes `<target>.lock`, or throws a StateLockedError naming the holder. A lock whose process is gone (same host) is taken over. */
export function lockStateFile(path: string): StateLock {
  const lockPath = `${stateTarget(path)}.lock`;
  const me: Holder = { pid: process.pid, hostname: hostname() };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lockPath, "wx", 0o600);
      try {
        writeSync(fd, `${JSON.stringify(me)}\n`);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
      const holder = holderOf(lockPath);
      const stale = !holder || (holder.hostname === me.hostname && !running(holder.pid));
      if (!stale) {
        throw new StateLockedError(
          `the state file ${path} is in use by another emulator (pid ${holder.pid} on ${holder.hostname}; lock ${lockPath}). ` +
            "Stop that emulator, or remove the lock file if it is no longer running.",
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  return {
    path: lockPath,
    release() {
      if (holderOf(lockPath)?.pid === process.pid) rmSync(lockPath, { force: true });
    },
  };
}
