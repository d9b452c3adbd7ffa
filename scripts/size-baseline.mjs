// What the one-call bundles of main's own build measure, computed now, never recorded: the sources of the
// baseline commit (the merge base with main; on main itself, the commit before) and of the working tree are
// bundled the same way (esbuild, browser, minified, gzip -9), so that a budget still out of reach can be held
// to "no growth" without a file of numbers. Used by check-size.mjs only for an entry over its budget.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const PACKAGES = ["auth", "runtime", "ncf-client", "fgs-client"];

const git = (root, ...args) =>
  execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();

/** The commit whose build is the baseline, or undefined when git cannot tell (then a miss simply fails). */
export function baselineCommit(root) {
  try {
    const head = git(root, "rev-parse", "HEAD");
    for (const ref of ["origin/main", "main"]) {
      let base;
      try {
        base = git(root, "merge-base", "HEAD", ref);
      } catch {
        continue;
      }
      return base === head ? git(root, "rev-parse", "HEAD^1") : base;
    }
  } catch {
    // no git, or no parent (a shallow clone): no baseline
  }
  return undefined;
}

/** The sources of `commit` (the four packages and .size-limit.json) in a temporary directory. */
export function checkout(root, commit) {
  const dir = mkdtempSync(join(tmpdir(), "fnapi-size-"));
  const paths = [".size-limit.json", ...PACKAGES.map((p) => `packages/${p}/src`)];
  const tar = execFileSync("git", ["archive", "--format=tar", commit, ...paths], {
    cwd: root,
    maxBuffer: 1 << 28,
  });
  execFileSync("tar", ["-x", "-C", dir], { input: tar });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** min+gzip bytes of `import <names> from "<package>"` bundled from the sources under `tree`. */
export async function measureFromSources(root, tree, packagePath, names) {
  const pkg = JSON.parse(
    readFileSync(join(root, packagePath.split("/dist/")[0], "package.json"), "utf8"),
  ).name;
  const entries = { "": "index.ts", "/internal": "internal.ts", "/openapi": "openapi.ts" };
  const fromTree = {
    name: "fnapi-sources",
    setup(builder) {
      builder.onResolve({ filter: /^@fnapi\/(auth|runtime|ncf-client|fgs-client)(\/[a-z]+)?$/ }, (args) => {
        const [, name, sub = ""] = /^@fnapi\/([a-z-]+)(\/[a-z]+)?$/.exec(args.path);
        return { path: join(tree, "packages", name, "src", entries[sub] ?? `${sub.slice(1)}.ts`) };
      });
    },
  };
  const result = await build({
    stdin: { contents: `export ${names ?? "*"} from "${pkg}";`, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "browser",
    plugins: [fromTree],
    nodePaths: [join(root, "node_modules")],
    logLevel: "silent",
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

/**
 * The inputs (esbuild metafile) that put bytes in the bundle of `import <names> from "<built package>"`, from
 * the packages' dist builds (a module esbuild read and shook out entirely is not in it).
 */
export async function oneCallInputs(root, packagePath, names) {
  const result = await build({
    stdin: { contents: `export ${names} from "./${packagePath}";`, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    format: "esm",
    platform: "browser",
    logLevel: "silent",
  });
  const [output] = Object.values(result.metafile.outputs);
  return Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
}
