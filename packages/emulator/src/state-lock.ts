import { randomUUID } from "node:crypto";
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";

// One emulator per state file: `<target>.lock` names its holder (pid, host, the process's start time, and a
// nonce of this lock). Taking it is one atomic step: the holder's record is written to a file of its own,
// then hard-linked to the lock's name, which fails if a lock exists, so no one ever reads half a lock.
//
// A lock whose holder is dead (same host: no such process, a zombie — killed, not yet reaped —, a SIGKILL
// pending, or a pid now used by a process that started later) is taken over under `<lock>.takeover`, created exclusively: holding
// it, the taker reads the lock again and removes it only if it is still the very lock it judged stale (same
// nonce), then links its own. A lock taken meanwhile by another emulator is therefore never removed, and
// exactly one of two racing emulators ends up holding the file. A takeover file left by a taker that died is
// removed by renaming it to a name of the remover's own and checking it is the one judged stale.

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
  /** The process's start time (Linux: /proc/<pid>/stat field 22), when the platform tells it. */
  started?: string;
  nonce?: string;
}

/** Test seams: run in the windows where another emulator could act. */
export interface LockHooks {
  /** After a lock was judged stale, before the takeover file is taken. */
  afterStaleCheck?(): void;
  /** Holding the takeover file, before the lock is read again and removed. */
  beforeRemoval?(): void;
}

const TAKEOVER_TRIES = 50;

/** A process's start time and state from /proc (Linux), or undefined where there is none. */
function procStat(pid: number): { state: string; started: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const [state, started] = [fields[0], fields[19]];
    return state && started ? { state, started } : undefined;
  } catch {
    return undefined;
  }
}

const myStart = procStat(process.pid)?.started;

/** Whether the holder's process is still the one that took the lock. Another host's holder counts as alive. */
export function holderAlive(holder: Holder): boolean {
  if (holder.hostname !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const stat = procStat(holder.pid);
  if (!stat) return myStart === undefined; // no /proc here: the signal's answer is all there is
  if (stat.state === "Z" || stat.state === "X") return false; // killed, not yet reaped by its parent
  if (holder.started !== undefined && holder.started !== stat.started) return false; // the pid was reused
  return !killPending(holder.pid); // `kill -9` sent, not yet carried out (a loaded machine)
}

/** Whether a SIGKILL waits for the process (Linux: /proc/<pid>/status pending-signal masks, bit 9). */
function killPending(pid: number): boolean {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return [...status.matchAll(/^(?:SigPnd|ShdPnd):\s*([0-9a-f]+)$/gm)].some(
      (m) => (BigInt(`0x${m[1]}`) & 0x100n) !== 0n,
    );
  } catch {
    return false;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function holderOf(text: string | undefined): Holder | undefined {
  try {
    const holder = JSON.parse(text ?? "") as Holder;
    return Number.isInteger(holder.pid) && typeof holder.hostname === "string" ? holder : undefined;
  } catch {
    return undefined;
  }
}

/** Writes `text` to a new file at `path` (exclusive), or throws EEXIST. */
function create(path: string, text: string): void {
  const fd = openSync(path, "wx", 0o600);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/** Removes `path` only if it still holds `text`: renamed to a name of our own first, put back if it changed. */
function removeIfStill(path: string, text: string | undefined): void {
  const grave = `${path}.${randomUUID()}.stale`;
  try {
    renameSync(path, grave);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  if (readText(grave) !== text) {
    try {
      linkSync(grave, path);
    } catch {
      // A new one was made meanwhile: it stands.
    }
  }
  rmSync(grave, { force: true });
}

type Step = "retry" | "busy";

/** Removes the stale lock `staleText` under the takeover file (linked from `own`, which holds `me`). */
function takeOver(lockPath: string, staleText: string, own: string, me: string, hooks: LockHooks): Step {
  const mutex = `${lockPath}.takeover`;
  try {
    linkSync(own, mutex);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const text = readText(mutex);
    const taker = holderOf(text);
    if (taker && holderAlive(taker)) return "busy";
    removeIfStill(mutex, text);
    return "retry";
  }
  try {
    hooks.beforeRemoval?.();
    if (readText(lockPath) === staleText) rmSync(lockPath, { force: true });
  } finally {
    if (readText(mutex) === me) rmSync(mutex, { force: true });
  }
  return "retry";
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Takes `<target>.lock`, or throws a StateLockedError naming the holder. A lock whose holder is dead is taken over. */
export function lockStateFile(path: string, lockPath: string, hooks: LockHooks = {}): StateLock {
  const me: Holder = { pid: process.pid, hostname: hostname(), nonce: randomUUID() };
  if (myStart !== undefined) me.started = myStart;
  const mine = `${JSON.stringify(me)}\n`;
  const own = `${lockPath}.${me.nonce}`;
  create(own, mine);
  try {
    for (let attempt = 0; attempt < TAKEOVER_TRIES; attempt++) {
      try {
        linkSync(own, lockPath);
        if (readText(lockPath) === mine) return lockOf(lockPath, mine);
        continue; // (cannot happen: a link is atomic) checked all the same
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const text = readText(lockPath);
      const holder = holderOf(text);
      if (text !== undefined && holder && holderAlive(holder)) {
        throw new StateLockedError(
          `the state file ${path} is in use by another emulator (pid ${holder.pid} on ${holder.hostname}; lock ${lockPath}). ` +
            "Stop that emulator, or remove the lock file if it is no longer running.",
        );
      }
      if (text === undefined) continue; // released meanwhile
      hooks.afterStaleCheck?.();
      if (takeOver(lockPath, text, own, mine, hooks) === "busy") pause(Math.min(5 * (attempt + 1), 50));
    }
    throw new StateLockedError(
      `the state file ${path} could not be locked: another emulator kept taking over its lock ${lockPath}. Try again.`,
    );
  } finally {
    rmSync(own, { force: true });
  }
}

function lockOf(lockPath: string, mine: string): StateLock {
  return {
    path: lockPath,
    release() {
      // Only our own lock: while we run, no one else judges it stale, so it cannot change under us.
      if (readText(lockPath) === mine) rmSync(lockPath, { force: true });
    },
  };
}
