// How many packages an install brings in: distinct packages reachable from one package through its
// dependencies, optionalDependencies and peerDependencies, the package itself included, resolved the way
// Node resolves them (nearest node_modules up the tree) in this repository's install.
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { OFFICIAL_PACKAGE } from "./official-sdk.mjs";

const BENCH_DIR = fileURLToPath(new URL("..", import.meta.url));

export function resolvePackageDir(name, fromDir = BENCH_DIR) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

export function countPackages(name) {
  const seen = new Map();
  const missing = new Set();
  const root = resolvePackageDir(name);
  if (!root) throw new Error(`${name} is not installed`);
  const queue = [root];
  while (queue.length > 0) {
    const dir = queue.pop();
    if (seen.has(dir)) continue;
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    seen.set(dir, `${manifest.name}@${manifest.version}`);
    const wanted = {
      ...manifest.peerDependencies,
      ...manifest.optionalDependencies,
      ...manifest.dependencies,
    };
    for (const dependency of Object.keys(wanted)) {
      const found = resolvePackageDir(dependency, dir);
      if (found) queue.push(found);
      else missing.add(dependency);
    }
  }
  const packages = [...new Set(seen.values())].sort();
  return { id: name, count: packages.length, packages, notInstalled: [...missing].sort() };
}

export const COUNTED_PACKAGES = ["@fnapi/ncf-client", "@fnapi/fgs-client", OFFICIAL_PACKAGE];

export function benchPackageCounts() {
  return COUNTED_PACKAGES.map(countPackages);
}
