import {
  type CredentialsProvider,
  type HuaweiChainResult,
  huaweiCredentialsChain,
  keyIdTail,
  type NcpChainResult,
  ncpCredentialsChain,
} from "@fnapi/auth/server";
import type { Invocation } from "./command.js";
import { text } from "./text.js";

// The credentials of a command, from the vendors' chains (explicit variables, files, then keys that expire:
// federation, Pod Identity, metadata). Keys that expire come as a provider the client renews; with
// --verbose, each renewal is one line naming the provider, the key id's last 4 characters and the expiry.
// A dry run asks no provider (it sends nothing): it signs with placeholder keys.

type ProviderOf<T> = Extract<T, CredentialsProvider>;

/** The invocation's home directory, where the vendors' files are looked up. */
export function homeOf(invocation: Invocation): { home?: string } {
  return invocation.home !== undefined ? { home: invocation.home } : {};
}

export function chainSources(invocation: Invocation) {
  return { env: invocation.env, ...homeOf(invocation), fetch: invocation.fetch };
}

function renewing(
  invocation: Invocation,
  found: ProviderOf<HuaweiChainResult | NcpChainResult>,
  dryRun: boolean,
) {
  if (dryRun) {
    return async () => ({
      accessKey: "DRYRUNKEY0000",
      secretKey: "dry-run-secret",
      source: `${found.source} (not asked: --dry-run)`,
    });
  }
  const provider: CredentialsProvider = async (context) => {
    const keys = await found(context);
    if (invocation.out.verbose) {
      const expires = keys.expiresAt === undefined ? "never" : new Date(keys.expiresAt).toISOString();
      invocation.out.note(
        text`credentials: renewed from ${found.source} (key id ${keyIdTail(String(keys.accessKey))}, expires ${expires})`,
      );
    }
    return keys;
  };
  return provider;
}

export function huaweiKeys(invocation: Invocation, dryRun: boolean) {
  const found = huaweiCredentialsChain(chainSources(invocation));
  if (typeof found === "function")
    return { keys: { credentials: renewing(invocation, found, dryRun) }, projectId: undefined };
  const { accessKey, secretKey, securityToken } = found;
  return {
    keys: { accessKey, secretKey, ...(securityToken !== undefined ? { securityToken } : {}) },
    projectId: found.projectId,
  };
}

export function ncpKeys(invocation: Invocation, dryRun: boolean) {
  const found = ncpCredentialsChain(chainSources(invocation));
  if (typeof found === "function") return { credentials: renewing(invocation, found, dryRun) };
  return { accessKey: found.accessKey, secretKey: found.secretKey };
}
