// Builds what @fnapi/specs publishes besides its YAML sources, into specs/dist/:
//   ncf.json, fgs.json, iam.json   each spec bundled into one self-contained JSON document (Redocly `bundle`)
//   ncf.html, fgs.html, iam.html   a small page per spec: the bundled spec inlined, rendered by Redoc
//   redoc.standalone.js            ONE shared copy of the renderer (Redoc 2, a classic script, ~1.1 MB), and
//   redoc.standalone.js.LICENSE.txt   its bundled libraries' notices
//   index.html                     a page linking the references
// and fails when a bundle still has an external $ref or a page's markup loads anything from the network
// (contract-tests/src/browser.test.ts opens a page in Chromium with the network cut off).
//
// Why not `redocly build-docs --inlineBundle`: it inlines its 2.3 MB renderer into every page, which made the
// tarball 5.2 MB for two specs. A shared renderer keeps the package under 2 MB. It is a classic script (not a
// module) on purpose: browsers refuse module scripts from file:// URLs, classic ones load, so a page opened
// straight from the unpacked tarball works offline.
//
//   node specs/scripts/build-specs.mjs   (run by `npm run build -w @fnapi/specs`, so by turbo's build)
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const specsDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(specsDir, "dist");
const specs = [
  { name: "ncf", title: "NAVER Cloud Platform Cloud Functions" },
  { name: "ncf-v3", title: "NAVER Cloud Platform Cloud Functions (API v3)" },
  { name: "fgs", title: "Huawei Cloud FunctionGraph" },
  { name: "iam", title: "Huawei Cloud IAM (user tokens)" },
  { name: "huawei-keyless", title: "Huawei Cloud keyless credentials" },
  { name: "ncp-server-role", title: "NAVER Cloud Platform Server Role" },
  { name: "oidc-issuer", title: "OIDC id tokens (GitHub Actions)" },
];

const require = createRequire(join(specsDir, "package.json"));
const redoclyBin = join(dirname(require.resolve("@redocly/cli/package.json")), "bin", "cli.js");
const redocBundles = join(dirname(require.resolve("redoc/package.json")), "bundles");
const RENDERER = "redoc.standalone.js";

function redocly(...args) {
  execFileSync(process.execPath, [redoclyBin, ...args], {
    cwd: specsDir,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      NO_COLOR: "1",
      FORCE_COLOR: "0",
      REDOCLY_TELEMETRY: "off",
      REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
    },
  });
}

const escapeHtml = (text) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

// The spec goes into a JSON <script> block; "<" is escaped so that no string in it can close the block.
const inlineJson = (value) => JSON.stringify(value).replace(/</g, "\\u003c");

function page({ name, title }, spec) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{margin:0;padding:0}noscript{display:block;font:16px/1.5 system-ui,sans-serif;margin:2rem}</style>
</head>
<body>
<noscript>This reference is rendered by JavaScript. The spec itself is <a href="${name}.json">${name}.json</a>.</noscript>
<div id="redoc"></div>
<script id="spec" type="application/json">${inlineJson(spec)}</script>
<script src="${RENDERER}"></script>
<script>
Redoc.init(JSON.parse(document.getElementById("spec").textContent), { hideDownloadButton: false, jsonSampleExpandLevel: 3 }, document.getElementById("redoc"));
</script>
</body>
</html>
`;
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

redocly("bundle", ...specs.map((s) => `${s.name}.yaml`), "--output", "dist", "--ext", "json");
// Redoc's only remote resource is the attribution logo in the sidebar, an <img> from its CDN that hides itself
// when it fails to load. Pointing it at an empty data: URL keeps the page quiet offline (and opening it sends
// nothing to a third party); the "API docs by Redocly" link stays. The build fails if that URL ever changes.
const REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg";
const renderer = readFileSync(join(redocBundles, RENDERER), "utf8");
if (!renderer.includes(REDOC_LOGO))
  throw new Error(`${RENDERER} no longer has ${REDOC_LOGO}: check what it loads`);
writeFileSync(join(dist, RENDERER), renderer.split(REDOC_LOGO).join("data:,"));
copyFileSync(join(redocBundles, `${RENDERER}.LICENSE.txt`), join(dist, `${RENDERER}.LICENSE.txt`));

const problems = [];
for (const entry of specs) {
  const { name } = entry;
  const spec = JSON.parse(readFileSync(join(dist, `${name}.json`), "utf8"));
  const refs = [];
  (function walk(node) {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "$ref" && typeof value === "string" && !value.startsWith("#")) refs.push(value);
        else walk(value);
      }
    }
  })(spec);
  if (refs.length) problems.push(`dist/${name}.json has external $refs: ${refs.join(", ")}`);

  const html = page(entry, spec);
  writeFileSync(join(dist, `${name}.html`), html);
  const remote = [
    ...html.matchAll(/<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//gi),
  ];
  if (remote.length)
    problems.push(`dist/${name}.html loads from the network: ${remote.map((m) => m[0]).join(" ")}`);
  for (const [, local] of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) {
    if (!existsSync(join(dist, local)))
      problems.push(`dist/${name}.html loads ${local}, which is not in dist/`);
  }
}
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}

const version = JSON.parse(readFileSync(join(specsDir, "package.json"), "utf8")).version;
writeFileSync(
  join(dist, "index.html"),
  `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>fnapi API reference</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}</style></head>
<body>
<h1>fnapi API reference</h1>
<p>Generated from <code>@fnapi/specs</code> ${version}. Every page works offline, opened straight from disk.</p>
<ul>
${specs.map((s) => `<li><a href="${s.name}.html">${escapeHtml(s.title)}</a> (<a href="${s.name}.json">${s.name}.json</a>, bundled OpenAPI 3.1)</li>`).join("\n")}
</ul>
<p>Rendered by <a href="https://github.com/Redocly/redoc">Redoc</a> (MIT), one shared copy: <code>${RENDERER}</code>.</p>
</body>
</html>
`,
);
console.log(
  `specs/dist: ${specs.map((s) => `${s.name}.json ${s.name}.html`).join(" ")} ${RENDERER} index.html`,
);
