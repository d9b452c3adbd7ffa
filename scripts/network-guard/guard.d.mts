// Types of guard.mjs, for the tests that import it.
export function isLoopback(host: unknown): boolean;
export function targetOf(args: unknown[]): { path?: string; host?: string; port?: unknown };
export function expectRefused<T>(attempt: () => T): T;
export class NetworkGuardError extends Error {}
export function installNetworkGuard(log?: string): { refused: string[] };
