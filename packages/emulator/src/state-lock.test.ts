import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { lockStateFile, StateLockedError } from "./state-file.js";
import { testSeed } from "./test-support.js";

// Issue #24 class 11, "lock takeover race": a stale lock is taken over atomically (an emulator that stalls
// between judging a lock stale and removing it never removes a lock taken meanwhile), and a dead holder is
// recognised every time (gone, a zombie, a SIGKILL not yet carried out, or its pid reused).

const dir = mkdtempSync(join(tmpdir(), "fnapi-emu-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshPath = () => join(dir, `state${++n}.json`);
const lockText = (path: string) => readFileSync(`${path}.lock`, "utf8");
const linux = existsSync("/proc/self/stat");
const procState = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0];
  } catch {
    return undefined;
  }
};
const startOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
};
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("class 11: a dead holder is recognised every time", () => {
  const takesOver = (holder: object | string) => {
    const path = freshPath();
    writeFileSync(`${path}.lock`, typeof holder === "string" ? holder : JSON.stringify(holder));
    const lock = lockStateFile(path);
    expect(JSON.parse(lockText(path)).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(`${path}.lock`)).toBe(false);
  };

  it("a pid that no longer runs (the lock format of earlier releases)", () => {
    takesOver({ pid: 2 ** 22 + 12345, hostname: hostname() });
  });

  it("an empty or unreadable lock (a holder killed while writing an old-format lock)", () => {
    takesOver("");
    takesOver("{not json");
  });

  it.runIf(linux)("a pid reused by a process that started later (even this one)", () => {
    takesOver({ pid: process.pid, hostname: hostname(), started: "1", nonce: "old" });
  });

  it.runIf(linux)("a zombie: killed and not yet reaped, so kill(pid, 0) still succeeds", async () => {
    // The shell becomes `sleep 30`, the parent of the background `sleep 1`, and never reaps it.
    const parent = spawn("sh", ["-c", "sleep 1 & echo $!; exec sleep 30"], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    try {
      const pid = Number(
        await new Promise<string>((resolve) =>
          parent.stdout?.once("data", (c: Buffer) => resolve(String(c).trim())),
        ),
      );
      for (let i = 0; i < 1500 && procState(pid) !== "Z"; i++) await new Promise((r) => setTimeout(r, 10));
      expect(procState(pid)).toBe("Z");
      expect(alive(pid)).toBe(true); // what the earlier check asked, and wrongly believed
      takesOver({ pid, hostname: hostname(), started: startOf(pid), nonce: "z" });
    } finally {
      parent.kill("SIGKILL");
    }
  });

  it("a live holder is refused: another emulator (same process, its own lock), another host", () => {
    const path = freshPath();
    const first = lockStateFile(path);
    expect(() => lockStateFile(path)).toThrow(StateLockedError);
    first.release();
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: 2 ** 22 + 1, hostname: `${hostname()}-other` }));
    expect(() => lockStateFile(path)).toThrow(/in use by another emulator/);
  });

  it.runIf(linux)(
    "kill -9 then an immediate restart takes the lock, 5 times in a row",
    async () => {
      const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));
      const path = freshPath();
      const seedPath = join(dir, "seed.json");
      writeFileSync(seedPath, JSON.stringify(testSeed()));
      for (let round = 0; round < 5; round++) {
        const child: ChildProcess = spawn(
          process.execPath,
          ["--import", "tsx", cli, "--port", "0", "--seed", seedPath, "--state", path],
          { stdio: ["ignore", "pipe", "ignore"] },
        );
        await new Promise((resolve, reject) => {
          child.stdout?.once("data", resolve);
          child.once("exit", reject);
        });
        expect(JSON.parse(lockText(path)).pid).toBe(child.pid);
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGKILL");
        const lock = lockStateFile(path); // right away: the holder may still be running, a zombie, or gone
        lock.release();
        await exited;
      }
    },
    120_000,
  );
});

describe("class 11: the takeover is atomic (a stall injected between check and removal)", () => {
  const staleLock = (path: string) =>
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: 2 ** 22 + 777, hostname: hostname() }));

  it("a lock taken by another emulator while this one stalls after its staleness check is never removed", () => {
    const path = freshPath();
    staleLock(path);
    let other: ReturnType<typeof lockStateFile> | undefined;
    const stalled = () =>
      lockStateFile(path, {
        afterStaleCheck() {
          other ??= lockStateFile(path); // the other emulator takes over meanwhile, completely
        },
      });
    expect(stalled).toThrow(StateLockedError);
    expect(other).toBeDefined();
    const held = lockText(path);
    expect(JSON.parse(held).pid).toBe(process.pid);
    other?.release();
    expect(existsSync(`${path}.lock`)).toBe(false); // it was the other's own lock: one holder, all along
  });

  it("an emulator arriving while another holds the takeover gets a StateLockedError; the taker wins", () => {
    const path = freshPath();
    staleLock(path);
    const errors: unknown[] = [];
    const lock = lockStateFile(path, {
      beforeRemoval() {
        try {
          lockStateFile(path);
        } catch (error) {
          errors.push(error);
        }
      },
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(StateLockedError);
    expect(lockText(path)).toContain(`"pid":${process.pid}`);
    lock.release();
    expect(existsSync(`${path}.lock`)).toBe(false);
    expect(existsSync(`${path}.lock.takeover`)).toBe(false);
  });

  it("a takeover file left by a taker that died is cleared, and the stale lock taken", () => {
    const path = freshPath();
    staleLock(path);
    writeFileSync(`${path}.lock.takeover`, JSON.stringify({ pid: 2 ** 22 + 778, hostname: hostname() }));
    const lock = lockStateFile(path);
    expect(existsSync(`${path}.lock.takeover`)).toBe(false);
    lock.release();
  });
});
