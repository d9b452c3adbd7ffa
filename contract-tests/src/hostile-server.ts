import { inspect } from "node:util";
import { expect } from "vitest";
import {
  type Handler,
  type LoopbackOptions,
  type LoopbackServer,
  startLoopbackServer,
} from "./loopback-server.js";

// Helpers of the hostile-server suite: two loopback origins (the API the client is pointed at, and an
// "elsewhere" that a redirect or a leak would reach), and the check that no secret shows anywhere.

export interface Origins {
  api: LoopbackServer;
  /** Another origin. Nothing may ever reach it. */
  elsewhere: LoopbackServer;
  close(): Promise<void>;
}

/**
 * The two origins. The API's server queues every connection a test opens (a backlog of 4,096, which Linux
 * caps at its somaxconn): with Node's 511 a burst of thousands of calls has SYNs dropped and retried by the
 * kernel after 1, 3, 7… seconds, on a loaded machine past the test's bound — the server's limit, not the
 * client's (as load.test.ts found). `options` add to that (`patient`: no idle or header timeouts).
 */
export async function startOrigins(handler: Handler, options: LoopbackOptions = {}): Promise<Origins> {
  const [api, elsewhere] = await Promise.all([
    startLoopbackServer(handler, { backlog: 4_096, ...options }),
    startLoopbackServer(),
  ]);
  return {
    api,
    elsewhere,
    close: () => Promise.all([api.close(), elsewhere.close()]).then(() => undefined),
  };
}

/** Every rendering of an error a program might log or send somewhere, its cause chain included. */
export function renderings(value: unknown): string {
  const parts: string[] = [];
  let current: unknown = value;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    parts.push(String(current));
    if (current instanceof Error) parts.push(current.stack ?? "");
    parts.push(JSON.stringify(current) ?? "");
    parts.push(inspect(current, { depth: 10, showHidden: true }));
    if (typeof current === "object") {
      for (const field of Object.values(current as Record<string, unknown>)) {
        if (typeof field === "string") parts.push(field);
      }
    }
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join("\n");
}

/**
 * Asserts that no form of any secret (raw, JSON-escaped, `\/`-escaped, percent- and form-encoded, HTML
 * references, `\uXXXX`) is in `value`.
 */
export function expectNoSecrets(value: unknown, secrets: readonly string[]): void {
  const text = renderings(value);
  for (const secret of secrets) {
    const json = JSON.stringify(secret).slice(1, -1);
    const forms = [
      secret,
      json,
      json.replaceAll("/", "\\/"),
      encodeURIComponent(secret),
      new URLSearchParams({ v: secret }).toString().slice(2),
      secret.replace(/[^A-Za-z0-9]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`),
      secret.replace(/[^A-Za-z0-9]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
    ];
    for (const form of new Set(forms)) {
      expect(text.includes(form), `a form of a secret (${form.length} chars) appears in the error`).toBe(
        false,
      );
    }
  }
}

export async function caught(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof Error)) throw new Error(`expected a rejection with an Error, got ${String(error)}`);
  return error;
}

/** Milliseconds taken by `run`. */
export async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}
