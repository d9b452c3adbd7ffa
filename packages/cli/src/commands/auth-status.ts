import { huaweiCredentialsChain, keyIdTail, ncpCredentialsChain } from "@fnapi/auth/server";
import { defineCommand } from "../command.js";
import { UsageError } from "../errors.js";
import { chainSources } from "../keyless.js";
import { text } from "../text.js";
import { parseTimeout } from "../timeout-flag.js";

// fnapi auth status <huawei|ncp>: which source of the vendor's chain answers, the key id's last 4 characters
// and when the keys expire. Never a secret: keys that expire are fetched (that is how the expiry is known)
// and only those three facts are printed.

const CLOUDS = ["huawei", "ncp"] as const;

export default defineCommand({
  name: "auth status",
  args: ["cloud"],
  summary: "show which credentials a command would use (huawei or ncp): source, key id, expiry",
  description: `Finds credentials as every command does (the environment, the vendor's file, then keys that expire:
OIDC federation, CCE Pod Identity, the ECS metadata or NAVER's Server Role) and prints which source
answered, the last 4 characters of the key id and the expiry. Never a secret. Keys that expire are fetched
once to learn their expiry (within --timeout, default 10000 ms).`,
  flags: { timeout: "how long the provider may take, in ms (default 10000)" },
  examples: ["fnapi auth status huawei", "fnapi auth status ncp --json"],
  async run(invocation) {
    const { command, args, flags, out } = invocation;
    const cloud = args[0] as string;
    if (!(CLOUDS as readonly string[]).includes(cloud)) {
      throw new UsageError(text`the cloud is "${cloud}"; it must be huawei or ncp`, command.name);
    }
    const found =
      cloud === "huawei"
        ? huaweiCredentialsChain(chainSources(invocation))
        : ncpCredentialsChain(chainSources(invocation));
    let source: string;
    let accessKey: string;
    let expiresAt: string | undefined;
    if (typeof found === "function") {
      const timeoutMs = parseTimeout(flags.timeout, command.name) ?? 10_000;
      const signal = AbortSignal.any([invocation.signal, AbortSignal.timeout(timeoutMs)]);
      const keys = await found({ signal });
      source = keys.source ?? found.source;
      accessKey = String(keys.accessKey);
      expiresAt = keys.expiresAt === undefined ? undefined : new Date(keys.expiresAt).toISOString();
    } else {
      source = found.source;
      accessKey = found.accessKey;
      expiresAt = undefined;
    }
    const keyId = keyIdTail(accessKey);
    out.result(
      {
        command: command.name,
        cloud,
        source,
        keyId,
        expiresAt: expiresAt ?? null,
        temporary: typeof found === "function",
      },
      text`${cloud}: ${source}, key id ${keyId}, ${expiresAt ? `expires ${expiresAt}` : "does not expire"}`,
    );
  },
});
