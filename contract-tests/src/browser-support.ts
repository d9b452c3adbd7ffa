import { accessSync, constants, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Helpers of browser.test.ts: where Chromium is, which files the page loads, and the page itself.

/** Debian's Chromium by default; CHROMIUM_PATH overrides it. */
export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** How the browser tests start Chromium: headless, and nothing of its own on the network. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Why Chromium cannot be used, or undefined when it can. */
export function chromiumUnavailable(): string | undefined {
  try {
    accessSync(chromiumPath, constants.X_OK);
    return undefined;
  } catch {
    return `Chromium not found at ${chromiumPath} (install it, e.g. apt-get install chromium, or set CHROMIUM_PATH)`;
  }
}

const require = createRequire(import.meta.url);

/** The file a browser gets for `import "<name>"` (or `"<name>/<subpath>"`): the package's
 * `exports["<subpath>"].import`, as published. */
function esmEntry(name: string, subpath = "."): string {
  const manifestPath = require.resolve(`${name}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  const target = manifest.exports?.[subpath]?.import;
  const file = typeof target === "string" ? target : target?.default;
  if (typeof file !== "string") throw new Error(`${name} has no exports["${subpath}"].import`);
  return join(dirname(manifestPath), file);
}

export interface BrowserModule {
  specifier: string;
  url: string;
  file: string;
}

/** Every module the page loads, with the URL the import map gives it. */
export function browserModules(): BrowserModule[] {
  // [package, subpath]: every entry the web builds import (the clients import @fnapi/runtime/internal too)
  const entries: [string, string][] = [
    ["@fnapi/runtime", "."],
    ["@fnapi/runtime", "./internal"],
    ["@fnapi/runtime", "./openapi"],
    ["@fnapi/auth", "."],
    ["@fnapi/auth", "./credentials"],
    ["@fnapi/ncf-client", "."],
    ["@fnapi/fgs-client", "."],
    ["openapi-fetch", "."],
  ];
  const seen = new Set<string>();
  return [
    ...entries.flatMap(([name, subpath]) => {
      const file = esmEntry(name, subpath);
      const dir = dirname(file);
      const specifier = subpath === "." ? name : `${name}/${subpath.slice(2)}`;
      // the entry, then the chunks it shares with the package's other entries (tsup's ESM code splitting)
      const chunks = readdirSync(dir).filter((chunk) => /^chunk-.*\.js$/.test(chunk));
      return [
        { specifier, url: `/modules/${name}/${basename(file)}`, file },
        ...chunks.map((chunk) => ({
          specifier: `./${chunk}`,
          url: `/modules/${name}/${chunk}`,
          file: join(dir, chunk),
        })),
      ].filter((module) => !seen.has(module.url) && seen.add(module.url));
    }),
    {
      specifier: "./browser-page.js",
      url: "/browser-page.js",
      file: join(dirname(fileURLToPath(import.meta.url)), "browser-page.js"),
    },
  ];
}

/** The page: an import map for the packages, then a module that exposes browser-page.js's `run`. */
export function pageHtml(modules: BrowserModule[]): string {
  const imports = Object.fromEntries(
    modules.filter((m) => !m.specifier.startsWith(".")).map((m) => [m.specifier, m.url]),
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>fnapi in the browser</title>
<script type="importmap">${JSON.stringify({ imports })}</script>
<script type="module">
import { run } from "/browser-page.js";
window.fnapiRun = run;
</script>
</head>
<body></body>
</html>
`;
}
