import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { type EmulatorState, parseSeedText, type SeedRules } from "./seed.js";

// `--state FILE`: loaded at start, written after every change before the answer is sent. The write goes to
// a temporary file in the same folder, is flushed to disk, then renamed over the old one: a killed emulator
// leaves either the old or the new state, never half of one.

export function readStateFile(path: string, rules?: SeedRules): EmulatorState | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  return parseSeedText(text, rules);
}

export function writeStateFile(path: string, state: EmulatorState): void {
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, "w", 0o600);
  try {
    writeSync(fd, `${JSON.stringify(state, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
