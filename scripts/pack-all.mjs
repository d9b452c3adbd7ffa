// `npm run pack:all`: every public package packed exactly as `npm publish` would, into packs/ (or the folder
// given), so that a project outside the repository can install them before they are on the npm registry.
// Packing the clients alone is not enough: they depend on @fnapi/auth and @fnapi/runtime, pinned exactly,
// which npm would otherwise look for on the registry (404). Run `npm run build` first.
//
//   node scripts/pack-all.mjs [folder]        prints the tarballs' paths, one a line
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const folder = resolve(process.argv[2] ?? join(root, "packs"));
const workspaces = ["specs", ...readdirSync(join(root, "packages")).map((p) => `packages/${p}`)];
const names = workspaces
  .map((w) => JSON.parse(readFileSync(join(root, w, "package.json"), "utf8")))
  .filter((manifest) => manifest.private !== true)
  .map((manifest) => manifest.name);

rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });
const packed = JSON.parse(
  execFileSync(
    process.platform === "win32" ? "npm.cmd" : "npm",
    ["pack", "--json", "--loglevel=error", "--pack-destination", folder, ...names.flatMap((n) => ["-w", n])],
    { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  ),
);
for (const { filename } of packed) console.log(join(folder, filename));
console.error(`packed ${packed.length} packages into ${folder}`);
