// What `npm install @fnapi/specs` unpacks: the tarball's unpacked size, as npm reports it.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export function specsPackageSize() {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const out = execFileSync(npm, ["pack", "--dry-run", "--json", "-w", "@fnapi/specs"], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const [info] = JSON.parse(out);
  return { unpackedBytes: info.unpackedSize, packedBytes: info.size, files: info.entryCount };
}
