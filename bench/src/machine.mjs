import { readFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { OFFICIAL_PACKAGE } from "./official-sdk.mjs";
import { resolvePackageDir } from "./package-count.mjs";

// Read from disk rather than require.resolve: some packages do not export their package.json.
function versionOf(name) {
  const dir = resolvePackageDir(name);
  return dir && JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version;
}

/** The facts a reader needs to compare these numbers with their own. */
export function describeMachine() {
  return {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    undici: process.versions.undici,
    versions: Object.fromEntries(
      ["openapi-fetch", "axios", OFFICIAL_PACKAGE, "esbuild"].map((name) => [name, versionOf(name)]),
    ),
    loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}
