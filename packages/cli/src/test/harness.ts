// The test harness: `run(argv, io)` in this process (most tests: milliseconds each), or the built bin
// (`dist/bin.js`, what `npx fnapi` runs) as a child process (a few end-to-end tests), against
// @fnapi/emulator in this process on a free loopback port, verifying every signature. Credentials reach the
// CLI through the vendors' environment variables only (io.env, or the child's environment); HOME is an
// empty temporary directory (so no real ~/.ncloud or ~/.huaweicloud file is ever read) and nothing else of
// this process's environment is passed on. Every run is checked for the secret keys on stdout and stderr.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Emulator, type Seed, startEmulator } from "@fnapi/emulator";
import { expect } from "vitest";
import type { CliIo, StopSignal } from "../io.js";
import { run } from "../run.js";

export const BIN = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "dist", "bin.js");

export const PROJECT = "7aad83af3e8d42e99ac194e8419e2c9b";
export const OTHER_PROJECT = "0123456789abcdef0123456789abcdef";
export const FUNCTION_URN = `urn:fss:cn-north-4:${PROJECT}:function:default:hello`;
export const NCP = { accessKey: "ncp_iam_CLITESTKEY", secretKey: "ncp-cli-secret-0f9e8d7c" };
export const HUAWEI = { accessKey: "HUAWEICLITESTAK", secretKey: "huawei-cli-secret-1a2b3c4d" };
const SECRETS = [NCP.secretKey, HUAWEI.secretKey];

export function seed(): Seed {
  return {
    ncp: {
      credentials: [NCP],
      packages: [
        { name: "full", platform: "vpc", actions: ["a1", "a2", "a3", "a4", "a5", "a6"] },
        { name: "empty", platform: "vpc", actions: [] },
        { name: "old", platform: "classic", actions: ["legacy"] },
        { name: "-", platform: "vpc", actions: ["loose"] },
      ],
    },
    huawei: {
      credentials: [HUAWEI],
      functions: [
        { urn: FUNCTION_URN, versions: ["v1", "v2"], aliases: { prod: "v1" } },
        { urn: `urn:fss:cn-north-4:${PROJECT}:function:default:other` },
      ],
    },
  };
}

/** The credentials, as CI would set them. */
export const CREDENTIALS_ENV: Record<string, string> = {
  NCLOUD_ACCESS_KEY_ID: NCP.accessKey,
  NCLOUD_SECRET_KEY: NCP.secretKey,
  HUAWEICLOUD_SDK_AK: HUAWEI.accessKey,
  HUAWEICLOUD_SDK_SK: HUAWEI.secretKey,
  HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
};

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as the one JSON object of --json (fails the test when it is anything else). */
  json(): Record<string, unknown>;
}

export interface Harness {
  emu: Emulator;
  home: string;
  /** `--base-url` of the emulator's NCF v2.1 API. */
  ncf: string;
  /** `--base-url` of the emulator's FunctionGraph API. */
  fgs: string;
  /** Runs `fnapi` in this process (stderr a terminal with `isTTY`; `io` overrides the rest). */
  fnapi(args: string[], options?: InProcessOptions): Promise<Run>;
  /** Runs the built bin as a child process. */
  fnapiBin(args: string[], options?: { env?: Record<string, string> }): Promise<Run>;
  /** Adds a fault through the emulator's control API. */
  fault(spec: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const emu = await startEmulator({ port: 0, seed: seed(), auth: "verify" });
  const home = mkdtempSync(join(tmpdir(), "fnapi-cli-home-"));
  return {
    emu,
    home,
    ncf: `${emu.url}/ncf/api/v2`,
    fgs: emu.url,
    fnapi: (args, options = {}) =>
      runInProcess(args, { HOME: home, ...CREDENTIALS_ENV, ...options.env }, options),
    fnapiBin: (args, options = {}) => runBin(args, { HOME: home, ...CREDENTIALS_ENV, ...options.env }),
    async fault(spec) {
      const response = await fetch(`${emu.url}/_emulator/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(spec),
      });
      expect(response.status).toBe(201);
    },
    async close() {
      await emu.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export interface InProcessOptions {
  env?: Record<string, string>;
  isTTY?: boolean;
  io?: Partial<CliIo>;
}

/** Runs `run(args, io)` with exactly `env` (HOME: the home directory) and captured stdout and stderr. */
export async function runInProcess(
  args: string[],
  env: Record<string, string>,
  options: InProcessOptions = {},
): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env,
    ...(env.HOME !== undefined ? { home: env.HOME } : {}),
    isTTY: options.isTTY === true,
    onSignal: () => () => {},
    ...options.io,
  };
  const code = await run(args, io);
  assertNoSecret(stdout + stderr);
  return result(code, stdout, stderr);
}

function result(code: number | null, stdout: string, stderr: string): Run {
  return {
    code,
    stdout,
    stderr,
    json() {
      expect(stdout.endsWith("\n") && stdout.indexOf("\n") === stdout.length - 1, stdout).toBe(true);
      const value = JSON.parse(stdout) as unknown;
      expect(typeof value === "object" && value !== null && !Array.isArray(value)).toBe(true);
      return value as Record<string, unknown>;
    },
  };
}

/** A signal source for io.onSignal that a test fires. */
export function signals(): { onSignal: NonNullable<CliIo["onSignal"]>; fire(signal: StopSignal): void } {
  const listeners = new Set<(signal: StopSignal) => void>();
  return {
    onSignal(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fire(signal) {
      for (const listener of listeners) listener(signal);
    },
  };
}

/** Runs the bin with exactly `env` (plus PATH); bounded by a 20 s kill. */
export function runBin(args: string[], env: Record<string, string>): Promise<Run> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build @fnapi/cli first (turbo does before test)`);
  const child = spawn(process.execPath, [BIN, ...args], {
    // The network guard (scripts/network-guard) follows the child through NODE_OPTIONS.
    env: { PATH: process.env.PATH ?? "", ...guardEnv(), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      assertNoSecret(stdout + stderr);
      resolve(result(code, stdout, stderr));
    });
  });
}

function guardEnv(): Record<string, string> {
  const { NODE_OPTIONS, FNAPI_NETWORK_GUARD_LOG } = process.env;
  return {
    ...(NODE_OPTIONS ? { NODE_OPTIONS } : {}),
    ...(FNAPI_NETWORK_GUARD_LOG ? { FNAPI_NETWORK_GUARD_LOG } : {}),
  };
}

export function assertNoSecret(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

/** The NCF and FunctionGraph requests the emulator received since the last reset. */
export function apiRequests(emu: Emulator) {
  return emu.requests().map((r) => ({ method: r.method, path: r.path, status: r.status, code: r.code }));
}
